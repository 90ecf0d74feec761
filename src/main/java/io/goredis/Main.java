package io.goredis;

import io.goredis.config.Config;
import io.goredis.config.ConfigException;
import io.goredis.server.Server;
import io.goredis.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring only: flags and environment -> {@link Config} -> {@link Store} -> {@link Server}, a one-line
 * banner, and a clean stop on SIGTERM / Ctrl-C (server first, then the store; exit status 0).
 */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        if (Config.wantsHelp(args)) {
            System.out.print(Config.usage());
            return;
        }
        Config config;
        try {
            config = Config.parse(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("goredis: " + e.getMessage());
            System.exit(2);
            return;
        }
        Clock clock = Clock.systemUTC();
        Store store;
        Server server;
        try {
            store = StoreFactory.create(config, clock);
        } catch (RuntimeException e) {
            System.err.println("goredis: cannot open the " + config.store() + " store: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            server = Server.start(config, store, clock);
        } catch (IOException e) {
            store.close();
            System.err.println("goredis: cannot listen on " + (config.bind() == null ? "*" : config.bind())
                    + ":" + config.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                log.info("shutting down");
                server.close();
                store.close();
                log.info("bye");
            }
        };
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("goredis-shutdown").unstarted(stop));
        Signals.onTerminate(() -> {
            stop.run();
            System.exit(0);
        });
        log.info("goredis ready on {}:{} (store {}, AUTH {}, maxclients {})",
                config.bind() == null ? "*" : config.bind(), server.port(), store.name(),
                config.requiresPassword() ? "required" : "not required", config.maxClients());
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
