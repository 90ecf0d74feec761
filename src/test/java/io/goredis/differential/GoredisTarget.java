package io.goredis.differential;

import io.goredis.config.Config;
import io.goredis.server.Server;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which server the scripts are compared against:
 * <ul>
 *   <li>by default an in-process goredis on the in-memory store, port 0;</li>
 *   <li>{@code -Ddifferential.goredis=host:port}: an already running goredis (any store);</li>
 *   <li>{@code -Ddifferential.target=redis}: a second redis-server, a self-check that the scripts
 *       are deterministic (the commands scripts mark {@code @unknown} are renamed away there).</li>
 * </ul>
 */
final class GoredisTarget {

    private GoredisTarget() {}

    static Endpoint endpoint(ExtensionContext.Store store, String password) throws Exception {
        String external = System.getProperty("differential.goredis");
        if (external != null && !external.isBlank()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(password == null,
                    "scripts that need a password run only against the in-process goredis");
            int colon = external.lastIndexOf(':');
            return new Endpoint("goredis", external.substring(0, colon), Integer.parseInt(external.substring(colon + 1)));
        }
        if ("redis".equals(System.getProperty("differential.target"))) {
            return secondRedis(store, password);
        }
        Clock clock = Clock.systemUTC();
        Store memory = new InMemoryStore(clock);
        Map<String, String> env = password == null ? Map.of() : Map.of("REDIS_PASSWORD", password);
        Server server = Server.start(Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1"}, env),
                memory, clock);
        // closed by JUnit at the end of the run: the server first, then its store
        store.put("goredis-server" + (password == null ? "" : ":" + password), (AutoCloseable) () -> {
            server.close();
            memory.close();
        });
        return new Endpoint("goredis", "127.0.0.1", server.port());
    }

    private static Endpoint secondRedis(ExtensionContext.Store store, String password) throws Exception {
        List<String> renames = new ArrayList<>();
        for (Path file : DifferentialIT.scriptFiles()) {
            for (Script.Step step : Script.load(file).steps()) {
                if (step instanceof Script.Command c && c.mode() == Script.Mode.UNKNOWN) {
                    String name = new String(c.args().get(0), StandardCharsets.UTF_8);
                    if (!renames.contains(name)) {
                        renames.addAll(List.of("--rename-command", name, ""));
                    }
                }
            }
        }
        if (password != null) {
            renames.addAll(List.of("--requirepass", password));
        }
        RedisServerProcess second = RedisServerProcess.start(
                RealRedisExtension.requireBinary("redis-server"), Path.of("target", "redis-server"),
                renames.toArray(String[]::new));
        store.put("second-redis" + (password == null ? "" : ":" + password), second); // closed by JUnit at the end of the run
        return new Endpoint("redis-server(2)", "127.0.0.1", second.port());
    }
}
