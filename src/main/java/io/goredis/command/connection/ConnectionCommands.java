package io.goredis.command.connection;

import static io.goredis.command.Flag.ADMIN;
import static io.goredis.command.Flag.ALLOW_BUSY;
import static io.goredis.command.Flag.FAST;
import static io.goredis.command.Flag.LOADING;
import static io.goredis.command.Flag.NOSCRIPT;
import static io.goredis.command.Flag.NO_AUTH;
import static io.goredis.command.Flag.STALE;

import io.goredis.command.CommandException;
import io.goredis.command.CommandSpec;
import java.util.List;
import java.util.Set;

/** The connection group's rows of the command table (arity and flags from Redis 7's commands/*.json). */
public final class ConnectionCommands {

    private ConnectionCommands() {}

    static final Help CLIENT_HELP = new Help(
            "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "GETNAME",
            "    Return the name of the current connection.",
            "ID",
            "    Return the ID of the current connection.",
            "INFO",
            "    Return information about the current client connection.",
            "KILL <ip:port>",
            "    Kill connection made from <ip:port>.",
            "KILL <option> <value> [<option> <value> [...]]",
            "    Kill connections. Options are:",
            "    * ADDR (<ip:port>|<unixsocket>:0)",
            "      Kill connections made from the specified address",
            "    * LADDR (<ip:port>|<unixsocket>:0)",
            "      Kill connections made to specified local address",
            "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
            "      Kill connections by type.",
            "    * USER <username>",
            "      Kill connections authenticated by <username>.",
            "    * SKIPME (YES|NO)",
            "      Skip killing current connection (default: yes).",
            "LIST [options ...]",
            "    Return information about client connections. Options:",
            "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
            "      Return clients of specified type.",
            "REPLY (ON|OFF|SKIP)",
            "    Control the replies sent to the current connection.",
            "SETNAME <name>",
            "    Assign the name <name> to the current connection.",
            "UNBLOCK <clientid> [TIMEOUT|ERROR]",
            "    Unblock the specified blocked client.",
            "SETINFO <option> <value>",
            "    Set client meta attr. Options are:",
            "    * LIB-NAME: the client lib name.",
            "    * LIB-VER: the client lib version.",
            "NO-EVICT (ON|OFF)",
            "    Protect current client connection from eviction.",
            "NO-TOUCH (ON|OFF)",
            "    Will not touch LRU/LFU stats when this mode is on.",
            "HELP",
            "    Prints this help.");

    public static List<CommandSpec> all() {
        Set<io.goredis.command.Flag> conn = Set.of(NOSCRIPT, LOADING, STALE);
        return List.of(
                CommandSpec.of("ping", -1, "connection", Set.of(FAST), new Ping()),
                CommandSpec.of("echo", 2, "connection", Set.of(LOADING, STALE, FAST), new Echo()),
                CommandSpec.of("quit", -1, "connection", Set.of(ALLOW_BUSY, NOSCRIPT, LOADING, STALE, FAST, NO_AUTH), new Quit()),
                CommandSpec.of("auth", -2, "connection", Set.of(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY), new Auth()),
                CommandSpec.of("hello", -1, "connection", Set.of(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY), new Hello()),
                CommandSpec.of("select", 2, "connection", Set.of(LOADING, STALE, FAST), new Select()),
                CommandSpec.of("reset", 1, "connection", Set.of(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY), new Reset()),
                CommandSpec.container("client", -2, "connection", Set.of(), (args, ctx) -> {
                    throw new CommandException("ERR unknown subcommand. Try CLIENT HELP.");
                }, List.of(
                        CommandSpec.of("client|setname", 3, "connection", conn, new ClientSetName()),
                        CommandSpec.of("client|getname", 2, "connection", conn, new ClientGetName()),
                        CommandSpec.of("client|id", 2, "connection", conn, new ClientId()),
                        CommandSpec.of("client|setinfo", 4, "connection", conn, new ClientSetInfo()),
                        CommandSpec.of("client|list", -2, "connection", Set.of(ADMIN, NOSCRIPT, LOADING, STALE), new ClientList()),
                        CommandSpec.of("client|info", 2, "connection", conn, new ClientInfoCommand()),
                        CommandSpec.of("client|reply", 3, "connection", conn, new ClientReply()),
                        CommandSpec.of("client|kill", -3, "connection", Set.of(ADMIN, NOSCRIPT, LOADING, STALE), new ClientKill()),
                        CommandSpec.of("client|unblock", -3, "connection", Set.of(ADMIN, NOSCRIPT, LOADING, STALE), new ClientUnblock()),
                        CommandSpec.of("client|no-evict", 3, "connection", Set.of(ADMIN, NOSCRIPT, LOADING, STALE), new ClientFlagToggle()),
                        CommandSpec.of("client|no-touch", 3, "connection", conn, new ClientFlagToggle()),
                        CommandSpec.of("client|help", 2, "connection", Set.of(LOADING, STALE), CLIENT_HELP))));
    }
}
