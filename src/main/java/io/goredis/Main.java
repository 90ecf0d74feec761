package io.goredis;

import io.goredis.config.Config;
import io.goredis.config.ConfigException;
import io.goredis.server.Server;
import io.goredis.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring only: flags and environment -> {@link Config} -> {@link Store} -> {@link Server}, a one-line
 * banner, and a clean stop on SIGTERM / Ctrl-C (server first, then the store; exit status 0).
 * Exit status 2 for a bad setting, 1 when the store or the port cannot be opened.
 */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Parses, starts and serves until stopped; returns the exit status. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (Config.wantsHelp(args)) {
            out.print(Config.usage());
            return 0;
        }
        Config config;
        try {
            config = Config.parse(args, env);
        } catch (ConfigException e) {
            err.println("goredis: " + e.getMessage());
            return 2;
        }
        Running running = start(config, Clock.systemUTC(), err);
        if (running == null) {
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("goredis-shutdown").unstarted(running::stop));
        Signals.onTerminate(() -> {
            running.stop();
            System.exit(0);
        });
        try {
            running.server().awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Opens the store and starts the server, logging the banner; null (after a one-line error) on failure. */
    static Running start(Config config, Clock clock, PrintStream err) {
        Store store;
        try {
            store = StoreFactory.create(config, clock);
        } catch (RuntimeException e) {
            err.println("goredis: cannot open the " + config.store() + " store: " + e.getMessage());
            return null;
        }
        Server server;
        try {
            server = Server.start(config, store, clock);
        } catch (IOException e) {
            store.close();
            err.println("goredis: cannot listen on " + (config.bind() == null ? "*" : config.bind()) + ":"
                    + config.port() + ": " + e.getMessage());
            return null;
        }
        log.info("goredis ready on {}:{} (store {}, AUTH {}, maxclients {}, platform threads {})",
                config.bind() == null ? "*" : config.bind(), server.port(), store.name(),
                config.requiresPassword() ? "required" : "not required", config.maxClients(),
                config.platformThreads());
        return new Running(server, store, new AtomicBoolean());
    }

    /** A started server and its store; {@link #stop()} closes both once, in reverse order. */
    record Running(Server server, Store store, AtomicBoolean stopped) {
        void stop() {
            if (stopped.compareAndSet(false, true)) {
                log.info("shutting down");
                server.close();
                store.close();
                log.info("bye");
            }
        }
    }
}
