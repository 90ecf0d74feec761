package io.goredis.command.zset;

import static io.goredis.command.Flag.DENYOOM;
import static io.goredis.command.Flag.FAST;
import static io.goredis.command.Flag.READONLY;
import static io.goredis.command.Flag.WRITE;

import io.goredis.command.Command;
import io.goredis.command.CommandSpec;
import io.goredis.command.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sorted-set group's rows of the command table (Redis 7.0's arity, flags and key positions,
 * as {@code COMMAND INFO} prints them).
 */
public final class ZSetCommands {

    static final String GROUP = "sorted_set";

    private ZSetCommands() {}

    public static List<CommandSpec> all() {
        List<CommandSpec> all = new ArrayList<>(List.of(
                key("zadd", -4, Set.of(WRITE, DENYOOM, FAST), new ZAdd()),
                key("zincrby", 4, Set.of(WRITE, DENYOOM, FAST), new ZIncrBy()),
                key("zscore", 3, Set.of(READONLY, FAST), new ZScore()),
                key("zmscore", -3, Set.of(READONLY, FAST), new ZMScore()),
                key("zcard", 2, Set.of(READONLY, FAST), new ZCard()),
                key("zrem", -3, Set.of(WRITE, FAST), new ZRem()),
                key("zrank", 3, Set.of(READONLY, FAST), ZRank.zrank()),
                key("zrevrank", 3, Set.of(READONLY, FAST), ZRank.zrevrank()),
                key("zcount", 4, Set.of(READONLY, FAST), ZCount.zcount()),
                key("zlexcount", 4, Set.of(READONLY, FAST), ZCount.zlexcount()),
                key("zrange", -4, Set.of(READONLY), ZRange.zrange()),
                CommandSpec.keyed("zrangestore", -5, GROUP, Set.of(WRITE, DENYOOM), 1, 2, 1, ZRange.zrangestore()),
                key("zrevrange", -4, Set.of(READONLY), ZRange.zrevrange()),
                key("zrangebyscore", -4, Set.of(READONLY), ZRange.zrangebyscore()),
                key("zrevrangebyscore", -4, Set.of(READONLY), ZRange.zrevrangebyscore()),
                key("zrangebylex", -4, Set.of(READONLY), ZRange.zrangebylex()),
                key("zrevrangebylex", -4, Set.of(READONLY), ZRange.zrevrangebylex()),
                key("zremrangebyrank", 4, Set.of(WRITE), ZRemRange.byRank()),
                key("zremrangebyscore", 4, Set.of(WRITE), ZRemRange.byScore()),
                key("zremrangebylex", 4, Set.of(WRITE), ZRemRange.byLex())));
        return List.copyOf(all);
    }

    /** A command on one key, at position 1. */
    static CommandSpec key(String name, int arity, Set<Flag> flags, Command handler) {
        return CommandSpec.keyed(name, arity, GROUP, flags, 1, 1, 1, handler);
    }
}
