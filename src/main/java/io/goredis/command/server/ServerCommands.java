package io.goredis.command.server;

import io.goredis.command.CommandSpec;
import java.util.List;

/** The server group's rows of the command table. */
public final class ServerCommands {

    private ServerCommands() {}

    public static List<CommandSpec> all() {
        return List.of();
    }
}
