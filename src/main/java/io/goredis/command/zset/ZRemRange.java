package io.goredis.command.zset;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.ZSetValue;

/**
 * {@code ZREMRANGEBYRANK key start stop}, {@code ZREMRANGEBYSCORE key min max},
 * {@code ZREMRANGEBYLEX key min max}: removes the range, answers how many went; an emptied key
 * is deleted. The range is parsed before the key is looked at, as in Redis.
 */
final class ZRemRange implements Command {

    private enum By { RANK, SCORE, LEX }

    private final By by;

    private ZRemRange(By by) {
        this.by = by;
    }

    static ZRemRange byRank() {
        return new ZRemRange(By.RANK);
    }

    static ZRemRange byScore() {
        return new ZRemRange(By.SCORE);
    }

    static ZRemRange byLex() {
        return new ZRemRange(By.LEX);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] min = args.next();
        byte[] max = args.next();
        Bounds.Range range = switch (by) {
            case RANK -> {
                long start = Args.parseLong(min);
                long end = Args.parseLong(max);
                yield z -> Bounds.ranks(start, end, z.size());
            }
            case SCORE -> Bounds.scores(min, max);
            case LEX -> Bounds.lex(min, max);
        };
        long removed = ctx.store().update(ctx.session().db(), key, current -> {
            ZSetValue z = Values.zset(current);
            if (z == null) {
                return Decision.keep(0L);
            }
            Bounds.Window w = range.over(z);
            if (w.size() == 0) {
                return Decision.keep(0L);
            }
            long n = z.removeRange(w.from(), w.to() - 1);
            return z.isEmpty() ? Decision.delete(n) : Decision.put(z, Values.expiry(current), n);
        });
        return Reply.integer(removed);
    }
}
