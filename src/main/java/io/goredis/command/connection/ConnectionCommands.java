package io.goredis.command.connection;

import io.goredis.command.CommandSpec;
import java.util.List;

/** The connection group's rows of the command table. */
public final class ConnectionCommands {

    private ConnectionCommands() {}

    public static List<CommandSpec> all() {
        return List.of();
    }
}
