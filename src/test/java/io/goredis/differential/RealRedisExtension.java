package io.goredis.differential;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link RedisServerProcess}: one real redis-server per test run, shared by every
 * class that uses this extension and stopped when the run ends (JUnit closes the stored value).
 *
 * <p>Without redis-server on PATH the tests are skipped with a message, except when {@code CI=true}:
 * there, a missing redis-server is a failure ({@code .ci/run} installs it).
 */
public final class RealRedisExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RealRedisExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == RedisServerProcess.class;
    }

    /** Skips (or, under CI, fails) the whole class when redis-server is missing. */
    @Override
    public void beforeAll(ExtensionContext c) {
        if (RedisServerProcess.findBinary("redis-server") == null) {
            String msg = "redis-server is not installed (apt-get install redis-server redis-tools):"
                    + " the differential tests compare goredis with it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(msg);
            }
            Assumptions.abort(msg);
        }
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Path binary = RedisServerProcess.findBinary("redis-server");
        return c.getRoot().getStore(NS).computeIfAbsent(RedisServerProcess.class, k -> {
            try {
                return RedisServerProcess.start(binary, Path.of("target", "redis-server"));
            } catch (java.io.IOException e) {
                throw new ParameterResolutionException("could not start redis-server: " + e.getMessage(), e);
            }
        }, RedisServerProcess.class);
    }
}
