package io.goredis.command.set;

import io.goredis.command.CommandSpec;
import java.util.List;

/** The set group's rows of the command table (Redis 7.0's arity, flags and key positions). */
public final class SetCommands {

    private static final String GROUP = "set";

    private SetCommands() {}

    public static List<CommandSpec> all() {
        return List.of();
    }
}
