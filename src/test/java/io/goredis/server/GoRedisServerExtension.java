package io.goredis.server;

import io.goredis.config.Config;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real goredis {@link Server} on 127.0.0.1, port 0, for socket tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GoRedisServerExtension goredis = new GoRedisServerExtension();        // in-memory store
 * // or: new GoRedisServerExtension().store(() -> myStore).env(Map.of("REDIS_PASSWORD", "bacon"))
 *
 * try (var c = goredis.rawClient()) { c.send("PING\r\n"); assertEquals("+PONG\r\n", c.readReply()); }
 * new Jedis("127.0.0.1", goredis.port());
 * }</pre>
 *
 * <p>Registered on a static field, one server serves the whole class (started before all tests,
 * closed after); on an instance field, each test gets a fresh server and store. The store is
 * closed after the server.
 */
public final class GoRedisServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private Supplier<Store> storeFactory = () -> new InMemoryStore(Clock.systemUTC());
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> env = new HashMap<>();
    private String[] args = new String[0];
    private Server server;
    private Store store;
    private boolean perClass;

    /** The store each started server uses (default: a fresh in-memory store). */
    public GoRedisServerExtension store(Supplier<Store> factory) {
        this.storeFactory = factory;
        return this;
    }

    /** The clock the server's commands use (give the store the same clock). */
    public GoRedisServerExtension clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Environment variables for {@link Config#parse}, e.g. {@code REDIS_PASSWORD}. */
    public GoRedisServerExtension env(Map<String, String> vars) {
        env.putAll(vars);
        return this;
    }

    /** Extra command-line flags, e.g. {@code "--maxclients", "2"}. Port and bind are set by the extension. */
    public GoRedisServerExtension args(String... flags) {
        this.args = flags.clone();
        return this;
    }

    public int port() {
        return server().port();
    }

    public Server server() {
        if (server == null) {
            throw new IllegalStateException("server not started");
        }
        return server;
    }

    public Store store() {
        return store;
    }

    /** A new raw socket client to the server; close it. */
    public RawClient rawClient() {
        try {
            return new RawClient(port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void start() throws IOException {
        String[] all = new String[args.length + 4];
        all[0] = "--port";
        all[1] = "0";
        all[2] = "--bind";
        all[3] = "127.0.0.1";
        System.arraycopy(args, 0, all, 4, args.length);
        Config config = Config.parse(all, env);
        store = storeFactory.get();
        server = Server.start(config, store, clock);
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
