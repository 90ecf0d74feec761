package io.goredis.command.txn;

import static io.goredis.command.Flag.ALLOW_BUSY;
import static io.goredis.command.Flag.FAST;
import static io.goredis.command.Flag.LOADING;
import static io.goredis.command.Flag.NOSCRIPT;
import static io.goredis.command.Flag.SKIP_SLOWLOG;
import static io.goredis.command.Flag.STALE;

import io.goredis.command.CommandSpec;
import java.util.List;
import java.util.Set;

/** The transactions group's rows of the command table, as Redis 7.0's {@code commands/*.json}. */
public final class TransactionCommands {

    private TransactionCommands() {}

    public static List<CommandSpec> all() {
        return List.of(
                CommandSpec.of("multi", 1, "transactions", Set.of(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY), new Multi()),
                CommandSpec.of("exec", 1, "transactions", Set.of(NOSCRIPT, LOADING, STALE, SKIP_SLOWLOG), new Exec()),
                CommandSpec.of("discard", 1, "transactions", Set.of(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY),
                        new Discard()),
                CommandSpec.keyed("watch", -2, "transactions", Set.of(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY),
                        1, -1, 1, new Watch()),
                CommandSpec.of("unwatch", 1, "transactions", Set.of(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY),
                        new Unwatch()));
    }
}
