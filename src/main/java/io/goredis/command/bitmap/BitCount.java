package io.goredis.command.bitmap;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.List;
import java.util.Optional;

/**
 * {@code BITCOUNT key [start end [BYTE|BIT]]}: the number of set bits, in the whole string or in
 * a range of bytes (default) or bits; negative indexes count from the end.
 *
 * <p>As in Redis 7.0, an absent key answers 0 before the range is even parsed ({@code BITCOUNT
 * nosuch a b} is 0, not an error), and a range with both ends negative and start after end
 * answers 0 before the unit is checked.
 */
final class BitCount implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> range = args.rest();
        Optional<Entry> entry = ctx.store().get(ctx.session().db(), key);
        ctx.counters().hit(entry.isPresent());
        byte[] p = Values.stringOrNull(entry);
        if (p == null) {
            return Reply.ZERO;
        }
        BitRange r;
        if (range.size() == 2 || range.size() == 3) {
            long start = Args.parseLong(range.get(0));
            long end = Args.parseLong(range.get(1));
            if (start < 0 && end < 0 && start > end) {
                return Reply.ZERO;
            }
            boolean bit = false;
            if (range.size() == 3) {
                if (BitArgs.is(range.get(2), "bit")) {
                    bit = true;
                } else if (!BitArgs.is(range.get(2), "byte")) {
                    throw CommandException.syntax();
                }
            }
            r = BitRange.resolve(start, end, p.length, bit);
        } else if (range.isEmpty()) {
            r = BitRange.whole(p.length);
        } else {
            throw CommandException.syntax();
        }
        if (r.isEmpty()) {
            return Reply.ZERO;
        }
        int start = (int) r.start();
        int end = (int) r.end();
        long count = Bits.popcount(p, start, end - start + 1);
        // a BIT range: take back the bits of the edge bytes that lie outside it
        count -= Integer.bitCount(p[start] & r.firstMask());
        count -= Integer.bitCount(p[end] & r.lastMask());
        return Reply.integer(count);
    }
}
