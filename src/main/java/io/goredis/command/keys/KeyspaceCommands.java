package io.goredis.command.keys;

import static io.goredis.command.Flag.DENYOOM;
import static io.goredis.command.Flag.FAST;
import static io.goredis.command.Flag.LOADING;
import static io.goredis.command.Flag.READONLY;
import static io.goredis.command.Flag.STALE;
import static io.goredis.command.Flag.WRITE;

import io.goredis.command.CommandException;
import io.goredis.command.CommandSpec;
import io.goredis.command.connection.Help;
import java.util.List;
import java.util.Set;

/**
 * The keyspace and expiry rows of the command table (Redis's "generic" group). Arity, flags and key
 * positions are Redis 7.0's, as {@code COMMAND INFO} reports them.
 */
public final class KeyspaceCommands {

    private static final String GROUP = "generic";

    private KeyspaceCommands() {}

    public static List<CommandSpec> all() {
        Del del = new Del();
        return List.of(
                CommandSpec.keyed("del", -2, GROUP, Set.of(WRITE), 1, -1, 1, del),
                CommandSpec.keyed("unlink", -2, GROUP, Set.of(WRITE, FAST), 1, -1, 1, del),
                CommandSpec.keyed("exists", -2, GROUP, Set.of(READONLY, FAST), 1, -1, 1, new Exists()),
                CommandSpec.keyed("touch", -2, GROUP, Set.of(READONLY, FAST), 1, -1, 1, new Touch()),
                CommandSpec.keyed("type", 2, GROUP, Set.of(READONLY, FAST), 1, 1, 1, new Type()),
                CommandSpec.of("keys", 2, GROUP, Set.of(READONLY), new Keys()),
                CommandSpec.of("scan", -2, GROUP, Set.of(READONLY), new Scan()),
                CommandSpec.of("randomkey", 1, GROUP, Set.of(READONLY), new RandomKey()),
                CommandSpec.of("dbsize", 1, GROUP, Set.of(READONLY, FAST), new DbSize()),
                CommandSpec.of("flushdb", -1, GROUP, Set.of(WRITE), new Flush(false)),
                CommandSpec.of("flushall", -1, GROUP, Set.of(WRITE), new Flush(true)),
                CommandSpec.of("swapdb", 3, GROUP, Set.of(WRITE, FAST), new SwapDb()),
                CommandSpec.keyed("rename", 3, GROUP, Set.of(WRITE), 1, 2, 1, new Rename(false)),
                CommandSpec.keyed("renamenx", 3, GROUP, Set.of(WRITE, FAST), 1, 2, 1, new Rename(true)),
                CommandSpec.keyed("copy", -3, GROUP, Set.of(WRITE, DENYOOM), 1, 2, 1, new Copy()),
                CommandSpec.keyed("move", 3, GROUP, Set.of(WRITE, FAST), 1, 1, 1, new Move()),
                CommandSpec.keyed("expire", -3, GROUP, Set.of(WRITE, FAST), 1, 1, 1,
                        new Expire("expire", true, true)),
                CommandSpec.keyed("pexpire", -3, GROUP, Set.of(WRITE, FAST), 1, 1, 1,
                        new Expire("pexpire", false, true)),
                CommandSpec.keyed("expireat", -3, GROUP, Set.of(WRITE, FAST), 1, 1, 1,
                        new Expire("expireat", true, false)),
                CommandSpec.keyed("pexpireat", -3, GROUP, Set.of(WRITE, FAST), 1, 1, 1,
                        new Expire("pexpireat", false, false)),
                CommandSpec.keyed("ttl", 2, GROUP, Set.of(READONLY, FAST), 1, 1, 1, new Ttl(false, false)),
                CommandSpec.keyed("pttl", 2, GROUP, Set.of(READONLY, FAST), 1, 1, 1, new Ttl(true, false)),
                CommandSpec.keyed("expiretime", 2, GROUP, Set.of(READONLY, FAST), 1, 1, 1, new Ttl(false, true)),
                CommandSpec.keyed("pexpiretime", 2, GROUP, Set.of(READONLY, FAST), 1, 1, 1, new Ttl(true, true)),
                CommandSpec.keyed("persist", 2, GROUP, Set.of(WRITE, FAST), 1, 1, 1, new Persist()),
                CommandSpec.container("object", -2, GROUP, Set.of(), (args, ctx) -> {
                    throw new CommandException("ERR unknown subcommand. Try OBJECT HELP.");
                }, List.of(
                        CommandSpec.keyed("object|encoding", 3, GROUP, Set.of(READONLY), 2, 2, 1,
                                new ObjectCommand(ObjectCommand.Field.ENCODING)),
                        CommandSpec.keyed("object|freq", 3, GROUP, Set.of(READONLY), 2, 2, 1,
                                new ObjectCommand(ObjectCommand.Field.FREQ)),
                        CommandSpec.keyed("object|idletime", 3, GROUP, Set.of(READONLY), 2, 2, 1,
                                new ObjectCommand(ObjectCommand.Field.IDLETIME)),
                        CommandSpec.keyed("object|refcount", 3, GROUP, Set.of(READONLY), 2, 2, 1,
                                new ObjectCommand(ObjectCommand.Field.REFCOUNT)),
                        CommandSpec.of("object|help", 2, GROUP, Set.of(LOADING, STALE), new Help(
                                "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                                "ENCODING <key>",
                                "    Return the kind of internal representation used in order to store the value",
                                "    associated with a <key>.",
                                "FREQ <key>",
                                "    Return the access frequency index of the <key>. The returned integer is",
                                "    proportional to the logarithm of the recent access frequency of the key.",
                                "IDLETIME <key>",
                                "    Return the idle time of the <key>, that is the approximated number of",
                                "    seconds elapsed since the last access to the key.",
                                "REFCOUNT <key>",
                                "    Return the number of references of the value associated with the specified",
                                "    <key>.",
                                "HELP",
                                "    Prints this help.")))));
    }
}
