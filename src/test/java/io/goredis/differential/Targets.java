package io.goredis.differential;

import java.util.function.Function;

/**
 * The two servers under comparison: the reference redis-server and goredis. {@code secured} gives
 * another such pair whose servers require a password (started on first use).
 */
public record Targets(Endpoint redis, Endpoint goredis, Function<String, Targets> secured) {

    public Targets requiringPassword(String password) {
        return secured.apply(password);
    }
}
