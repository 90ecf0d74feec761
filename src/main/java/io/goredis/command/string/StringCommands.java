package io.goredis.command.string;

import io.goredis.command.CommandSpec;
import java.util.List;

/** The string group's rows of the command table. */
public final class StringCommands {

    private StringCommands() {}

    public static List<CommandSpec> all() {
        return List.of();
    }
}
