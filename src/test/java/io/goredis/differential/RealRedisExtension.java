package io.goredis.differential;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link Targets}: a real redis-server and goredis, each started once per test run,
 * shared by every class that uses this extension and stopped when the run ends (JUnit closes the
 * values it stores).
 *
 * <p>Without redis-server on PATH the tests are skipped with a message, except when {@code CI=true}:
 * there, a missing redis-server is a failure ({@code .ci/run} installs it).
 */
public final class RealRedisExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RealRedisExtension.class);

    /** Skips (or, under CI, fails) the whole class when a needed binary is missing. */
    @Override
    public void beforeAll(ExtensionContext c) {
        requireBinary("redis-server");
    }

    /** Aborts the test (fails it when {@code CI=true}) if {@code name} is not on PATH. */
    public static Path requireBinary(String name) {
        Path binary = RedisServerProcess.findBinary(name);
        if (binary == null) {
            String msg = name + " is not installed (apt-get install redis-server redis-tools):"
                    + " the differential tests compare goredis with Redis 7";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(msg);
            }
            Assumptions.abort(msg);
        }
        return binary;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Targets.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return targets(c.getRoot().getStore(NS), null);
    }

    /** The pair of servers for {@code password} (null: none), started once per run. */
    private static Targets targets(ExtensionContext.Store store, String password) {
        String suffix = password == null ? "" : ":" + password;
        RedisServerProcess redis = store.computeIfAbsent("redis" + suffix, k -> {
            try {
                return password == null
                        ? RedisServerProcess.start(requireBinary("redis-server"), Path.of("target", "redis-server"))
                        : RedisServerProcess.start(requireBinary("redis-server"), Path.of("target", "redis-server"),
                                "--requirepass", password);
            } catch (IOException e) {
                throw new ParameterResolutionException("could not start redis-server: " + e.getMessage(), e);
            }
        }, RedisServerProcess.class);
        Endpoint goredis = store.computeIfAbsent("goredis" + suffix, k -> {
            try {
                return GoredisTarget.endpoint(store, password);
            } catch (Exception e) {
                throw new ParameterResolutionException("could not start goredis: " + e.getMessage(), e);
            }
        }, Endpoint.class);
        return new Targets(redis.endpoint(), goredis, pw -> targets(store, pw));
    }
}
