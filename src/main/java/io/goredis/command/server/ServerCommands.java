package io.goredis.command.server;

import static io.goredis.command.Flag.ADMIN;
import static io.goredis.command.Flag.FAST;
import static io.goredis.command.Flag.LOADING;
import static io.goredis.command.Flag.NOSCRIPT;
import static io.goredis.command.Flag.STALE;

import io.goredis.command.CommandSpec;
import io.goredis.command.connection.Help;
import java.util.List;
import java.util.Set;

/** The server group's rows of the command table (arity and flags from Redis 7's commands/*.json). */
public final class ServerCommands {

    private ServerCommands() {}

    static final Help CONFIG_HELP = new Help(
            "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "GET <pattern>",
            "    Return parameters matching the glob-like <pattern> and their values.",
            "SET <directive> <value>",
            "    Set the configuration <directive> to <value>.",
            "RESETSTAT",
            "    Reset statistics reported by the INFO command.",
            "REWRITE",
            "    Rewrite the configuration file.",
            "HELP",
            "    Prints this help.");

    static final Help COMMAND_HELP = new Help(
            "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "(no subcommand)",
            "    Return details about all Redis commands.",
            "COUNT",
            "    Return the total number of commands in this Redis server.",
            "LIST",
            "    Return a list of all commands in this Redis server.",
            "INFO [<command-name> ...]",
            "    Return details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.",
            "DOCS [<command-name> ...]",
            "    Return documentation details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.",
            "HELP",
            "    Prints this help.");

    public static List<CommandSpec> all() {
        Set<io.goredis.command.Flag> adminish = Set.of(ADMIN, NOSCRIPT, LOADING, STALE);
        return List.of(
                CommandSpec.of("info", -1, "server", Set.of(LOADING, STALE), new Info()),
                CommandSpec.of("time", 1, "server", Set.of(LOADING, STALE, FAST), new Time()),
                CommandSpec.container("config", -2, "server", Set.of(), CONFIG_HELP, List.of(
                        CommandSpec.of("config|get", -3, "server", adminish, new ConfigGet()),
                        CommandSpec.of("config|set", -4, "server", adminish, new ConfigSet()),
                        CommandSpec.of("config|resetstat", 2, "server", adminish, new ConfigResetStat()),
                        CommandSpec.of("config|rewrite", 2, "server", adminish, new ConfigRewrite()),
                        CommandSpec.of("config|help", 2, "server", Set.of(LOADING, STALE), CONFIG_HELP))),
                CommandSpec.container("command", -1, "server", Set.of(LOADING, STALE), new CommandAll(), List.of(
                        CommandSpec.of("command|count", 2, "server", Set.of(LOADING, STALE), new CommandCount()),
                        CommandSpec.of("command|list", -2, "server", Set.of(LOADING, STALE), new CommandList()),
                        CommandSpec.of("command|info", -2, "server", Set.of(LOADING, STALE), new CommandInfo()),
                        CommandSpec.of("command|docs", -2, "server", Set.of(LOADING, STALE), new CommandDocs()),
                        CommandSpec.of("command|help", 2, "server", Set.of(LOADING, STALE), COMMAND_HELP))));
    }
}
