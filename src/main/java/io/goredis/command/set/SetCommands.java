package io.goredis.command.set;

import static io.goredis.command.Flag.DENYOOM;
import static io.goredis.command.Flag.FAST;
import static io.goredis.command.Flag.MOVABLEKEYS;
import static io.goredis.command.Flag.READONLY;
import static io.goredis.command.Flag.WRITE;

import io.goredis.command.Command;
import io.goredis.command.CommandSpec;
import io.goredis.command.Flag;
import java.util.List;
import java.util.Set;

/**
 * The set group's rows of the command table (Redis 7.0's arity, flags and key positions, as
 * {@code COMMAND INFO} prints them). SINTERCARD's keys follow its numkeys argument, so it declares
 * none (0 0 0) and is {@code movablekeys}, as in Redis.
 */
public final class SetCommands {

    private static final String GROUP = "set";

    private SetCommands() {}

    public static List<CommandSpec> all() {
        return List.of(
                key("sadd", -3, Set.of(WRITE, DENYOOM, FAST), new SAdd()),
                key("srem", -3, Set.of(WRITE, FAST), new SRem()),
                key("smembers", 2, Set.of(READONLY), new SMembers()),
                key("sismember", 3, Set.of(READONLY, FAST), new SIsMember()),
                key("smismember", -3, Set.of(READONLY, FAST), new SMIsMember()),
                key("scard", 2, Set.of(READONLY, FAST), new SCard()),
                key("spop", -2, Set.of(WRITE, FAST), new SPop()),
                key("srandmember", -2, Set.of(READONLY), new SRandMember()),
                CommandSpec.keyed("smove", 4, GROUP, Set.of(WRITE, FAST), 1, 2, 1, new SMove()),
                keys("sinter", -2, Set.of(READONLY), new SInter()),
                CommandSpec.of("sintercard", -3, GROUP, Set.of(READONLY, MOVABLEKEYS), new SInterCard()),
                keys("sinterstore", -3, Set.of(WRITE, DENYOOM), new SInterStore()),
                keys("sunion", -2, Set.of(READONLY), new SUnion()),
                keys("sunionstore", -3, Set.of(WRITE, DENYOOM), new SUnionStore()),
                keys("sdiff", -2, Set.of(READONLY), new SDiff()),
                keys("sdiffstore", -3, Set.of(WRITE, DENYOOM), new SDiffStore()),
                key("sscan", -3, Set.of(READONLY), new SScan()));
    }

    /** A command on one key, at position 1. */
    private static CommandSpec key(String name, int arity, Set<Flag> flags, Command handler) {
        return CommandSpec.keyed(name, arity, GROUP, flags, 1, 1, 1, handler);
    }

    /** A command whose every argument is a key (the STORE forms: the destination first). */
    private static CommandSpec keys(String name, int arity, Set<Flag> flags, Command handler) {
        return CommandSpec.keyed(name, arity, GROUP, flags, 1, -1, 1, handler);
    }
}
