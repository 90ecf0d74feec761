package io.goredis.command.list;

import static io.goredis.command.Flag.BLOCKING;
import static io.goredis.command.Flag.DENYOOM;
import static io.goredis.command.Flag.FAST;
import static io.goredis.command.Flag.MOVABLEKEYS;
import static io.goredis.command.Flag.NOSCRIPT;
import static io.goredis.command.Flag.READONLY;
import static io.goredis.command.Flag.WRITE;

import io.goredis.command.Command;
import io.goredis.command.CommandSpec;
import io.goredis.command.Flag;
import java.util.List;
import java.util.Set;

/**
 * The list group's rows of the command table, ported from Redis 7.0's {@code src/t_list.c} (the
 * blocking ones wait through {@link Block}). Arity, flags and key
 * positions are Redis 7.0's, as {@code COMMAND INFO} prints them. LMPOP's keys follow its numkeys
 * argument, so it declares none (0 0 0) and is {@code movablekeys}, as in Redis.
 */
public final class ListCommands {

    private static final String GROUP = "list";

    private ListCommands() {}

    public static List<CommandSpec> all() {
        return List.of(
                key("lpush", -3, Set.of(WRITE, DENYOOM, FAST), Push.lpush()),
                key("rpush", -3, Set.of(WRITE, DENYOOM, FAST), Push.rpush()),
                key("lpushx", -3, Set.of(WRITE, DENYOOM, FAST), Push.lpushx()),
                key("rpushx", -3, Set.of(WRITE, DENYOOM, FAST), Push.rpushx()),
                key("lpop", -2, Set.of(WRITE, FAST), Pop.lpop()),
                key("rpop", -2, Set.of(WRITE, FAST), Pop.rpop()),
                key("llen", 2, Set.of(READONLY, FAST), new LLen()),
                key("lindex", 3, Set.of(READONLY), new LIndex()),
                key("lset", 4, Set.of(WRITE, DENYOOM), new LSet()),
                key("lrange", 4, Set.of(READONLY), new LRange()),
                key("ltrim", 4, Set.of(WRITE), new LTrim()),
                key("lrem", 4, Set.of(WRITE), new LRem()),
                key("linsert", 5, Set.of(WRITE, DENYOOM), new LInsert()),
                key("lpos", -3, Set.of(READONLY), new LPos()),
                CommandSpec.keyed("lmove", 5, GROUP, Set.of(WRITE, DENYOOM), 1, 2, 1, LMove.lmove()),
                CommandSpec.keyed("rpoplpush", 3, GROUP, Set.of(WRITE, DENYOOM), 1, 2, 1, LMove.rpoplpush()),
                CommandSpec.of("lmpop", -4, GROUP, Set.of(WRITE, MOVABLEKEYS), new LMPop()),
                CommandSpec.keyed("blpop", -3, GROUP, Set.of(WRITE, NOSCRIPT, BLOCKING), 1, -2, 1, BPop.blpop()),
                CommandSpec.keyed("brpop", -3, GROUP, Set.of(WRITE, NOSCRIPT, BLOCKING), 1, -2, 1, BPop.brpop()),
                CommandSpec.keyed("blmove", 6, GROUP, Set.of(WRITE, DENYOOM, NOSCRIPT, BLOCKING), 1, 2, 1,
                        BLMove.blmove()),
                CommandSpec.keyed("brpoplpush", 4, GROUP, Set.of(WRITE, DENYOOM, NOSCRIPT, BLOCKING), 1, 2, 1,
                        BLMove.brpoplpush()),
                CommandSpec.of("blmpop", -5, GROUP, Set.of(WRITE, BLOCKING, MOVABLEKEYS), new BLMPop()));
    }

    /** A command on one key, at position 1. */
    private static CommandSpec key(String name, int arity, Set<Flag> flags, Command handler) {
        return CommandSpec.keyed(name, arity, GROUP, flags, 1, 1, 1, handler);
    }
}
