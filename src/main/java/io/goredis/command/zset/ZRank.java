package io.goredis.command.zset;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.value.ZSetValue;

/** {@code ZRANK | ZREVRANK key member}: the member's 0-based rank, ascending (descending), or nil. O(log n). */
final class ZRank implements Command {

    private final boolean reverse;

    private ZRank(boolean reverse) {
        this.reverse = reverse;
    }

    static ZRank zrank() {
        return new ZRank(false);
    }

    static ZRank zrevrank() {
        return new ZRank(true);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] member = args.next();
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            ZSetValue z = Values.zset(current);
            long rank = z == null ? -1 : z.rank(member);
            if (rank < 0) {
                return Reply.NULL;
            }
            return Reply.integer(reverse ? z.size() - 1 - rank : rank);
        });
    }
}
