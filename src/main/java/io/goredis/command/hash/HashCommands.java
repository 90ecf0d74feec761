package io.goredis.command.hash;

import io.goredis.command.CommandSpec;
import java.util.List;

/** The hash group's rows of the command table (Redis 7.0's arity, flags and key positions). */
public final class HashCommands {

    private static final String GROUP = "hash";

    private HashCommands() {}

    public static List<CommandSpec> all() {
        return List.of();
    }
}
