package io.goredis.command.hash;

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
 * The hash group's rows of the command table, ported from Redis 7.0's {@code src/t_hash.c}.
 * Arity, flags and key positions are Redis 7.0's, as {@code COMMAND INFO} prints them: every hash
 * command has its one key at argument 1.
 */
public final class HashCommands {

    private static final String GROUP = "hash";

    private HashCommands() {}

    public static List<CommandSpec> all() {
        return List.of(
                row("hset", -4, Set.of(WRITE, DENYOOM, FAST), HSet.hset()),
                row("hsetnx", 4, Set.of(WRITE, DENYOOM, FAST), new HSetNx()),
                row("hmset", -4, Set.of(WRITE, DENYOOM, FAST), HSet.hmset()),
                row("hget", 3, Set.of(READONLY, FAST), new HGet()),
                row("hmget", -3, Set.of(READONLY, FAST), new HMGet()),
                row("hgetall", 2, Set.of(READONLY), new HGetAll()),
                row("hdel", -3, Set.of(WRITE, FAST), new HDel()),
                row("hlen", 2, Set.of(READONLY, FAST), new HLen()),
                row("hstrlen", 3, Set.of(READONLY, FAST), new HStrLen()),
                row("hexists", 3, Set.of(READONLY, FAST), new HExists()),
                row("hkeys", 2, Set.of(READONLY), new HKeys()),
                row("hvals", 2, Set.of(READONLY), new HVals()),
                row("hincrby", 4, Set.of(WRITE, DENYOOM, FAST), new HIncrBy()),
                row("hincrbyfloat", 4, Set.of(WRITE, DENYOOM, FAST), new HIncrByFloat()),
                row("hrandfield", -2, Set.of(READONLY), new HRandField()),
                row("hscan", -3, Set.of(READONLY), new HScan()));
    }

    private static CommandSpec row(String name, int arity, Set<Flag> flags, Command handler) {
        return CommandSpec.keyed(name, arity, GROUP, flags, 1, 1, 1, handler);
    }
}
