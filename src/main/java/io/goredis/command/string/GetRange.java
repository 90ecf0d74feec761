package io.goredis.command.string;

import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code GETRANGE key start end}: the bytes from {@code start} to {@code end} inclusive; negative
 * offsets count from the end. Out-of-range offsets are clamped as Redis does, and an empty range or
 * an absent key answers an empty bulk.
 */
final class GetRange implements Command {

    private static final Reply EMPTY = Reply.bulk(new byte[0]);

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long start = args.nextLong();
        long end = args.nextLong();
        args.finish();
        Optional<Entry> entry = ctx.store().get(ctx.session().db(), key);
        ctx.counters().hit(entry.isPresent());
        if (entry.isEmpty()) {
            return EMPTY;
        }
        byte[] v = Values.string(entry.get());
        long len = v.length;
        if (start < 0 && end < 0 && start > end) {
            return EMPTY;
        }
        if (start < 0) {
            start = len + start;
        }
        if (end < 0) {
            end = len + end;
        }
        start = Math.max(start, 0);
        end = Math.max(end, 0);
        end = Math.min(end, len - 1);
        if (start > end || len == 0) {
            return EMPTY;
        }
        return Reply.bulk(Arrays.copyOfRange(v, (int) start, (int) end + 1));
    }
}
