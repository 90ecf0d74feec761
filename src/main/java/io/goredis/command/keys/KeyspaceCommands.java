package io.goredis.command.keys;

import io.goredis.command.CommandSpec;
import java.util.List;

/** The keys group's rows of the command table. */
public final class KeyspaceCommands {

    private KeyspaceCommands() {}

    public static List<CommandSpec> all() {
        return List.of();
    }
}
