package io.goredis.command.string;

import static io.goredis.command.Flag.DENYOOM;
import static io.goredis.command.Flag.FAST;
import static io.goredis.command.Flag.READONLY;
import static io.goredis.command.Flag.WRITE;

import io.goredis.command.Command;
import io.goredis.command.CommandSpec;
import io.goredis.command.Flag;
import java.util.List;
import java.util.Set;

/**
 * The string group's rows of the command table. Arity, flags and key positions are Redis 7.0's
 * ({@code src/commands/<name>.json}, as {@code COMMAND INFO} prints them).
 */
public final class StringCommands {

    private StringCommands() {}

    public static List<CommandSpec> all() {
        return List.of(
                key("get", 2, Set.of(READONLY, FAST), new Get()),
                key("set", -3, Set.of(WRITE, DENYOOM), new io.goredis.command.string.Set()),
                key("setnx", 3, Set.of(WRITE, DENYOOM, FAST), new SetNx()),
                key("setex", 4, Set.of(WRITE, DENYOOM), SetEx.setex()),
                key("psetex", 4, Set.of(WRITE, DENYOOM), SetEx.psetex()),
                key("getset", 3, Set.of(WRITE, DENYOOM, FAST), new GetSet()),
                key("getdel", 2, Set.of(WRITE, FAST), new GetDel()),
                key("getex", -2, Set.of(WRITE, FAST), new GetEx()),
                CommandSpec.keyed("mget", -2, "string", Set.of(READONLY, FAST), 1, -1, 1, new MGet()),
                CommandSpec.keyed("mset", -3, "string", Set.of(WRITE, DENYOOM), 1, -1, 2, MSet.mset()),
                CommandSpec.keyed("msetnx", -3, "string", Set.of(WRITE, DENYOOM), 1, -1, 2, MSet.msetnx()),
                key("append", 3, Set.of(WRITE, DENYOOM, FAST), new Append()),
                key("strlen", 2, Set.of(READONLY, FAST), new StrLen()),
                key("incr", 2, Set.of(WRITE, DENYOOM, FAST), IncrBy.incr()),
                key("decr", 2, Set.of(WRITE, DENYOOM, FAST), IncrBy.decr()),
                key("incrby", 3, Set.of(WRITE, DENYOOM, FAST), IncrBy.incrBy()),
                key("decrby", 3, Set.of(WRITE, DENYOOM, FAST), IncrBy.decrBy()),
                key("incrbyfloat", 3, Set.of(WRITE, DENYOOM, FAST), new IncrByFloat()),
                key("getrange", 4, Set.of(READONLY), new GetRange()),
                key("setrange", 4, Set.of(WRITE, DENYOOM), new SetRange()),
                CommandSpec.keyed("lcs", -3, "string", Set.of(READONLY), 1, 2, 1, new Lcs()));
    }

    /** A string command with one key, at position 1. */
    private static CommandSpec key(String name, int arity, Set<Flag> flags, Command handler) {
        return CommandSpec.keyed(name, arity, "string", flags, 1, 1, 1, handler);
    }
}
