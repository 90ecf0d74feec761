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
 * {@code BITPOS key bit [start [end [BYTE|BIT]]]}: the position of the first bit equal to
 * {@code bit}, counted from the start of the string, or -1.
 *
 * <p>Redis 7.0's rules: an absent key is an infinite run of zeros (0 for a clear bit, -1 for a set
 * bit) and answers before the range is parsed. Looking for a clear bit without an explicit
 * {@code end}, a string of all ones answers the first bit past its end; with an explicit
 * {@code end} it answers -1. An empty range answers -1.
 */
final class BitPos implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long b = args.nextLong();
        if (b != 0 && b != 1) {
            throw new CommandException("ERR The bit argument must be 1 or 0.");
        }
        int bit = (int) b;
        List<byte[]> range = args.rest();
        Optional<Entry> entry = ctx.store().get(ctx.session().db(), key);
        ctx.counters().hit(entry.isPresent());
        byte[] p = Values.stringOrNull(entry);
        if (p == null) {
            return Reply.integer(bit == 1 ? -1 : 0);
        }
        boolean endGiven = false;
        BitRange r;
        if (!range.isEmpty() && range.size() <= 3) {
            long start = Args.parseLong(range.get(0));
            boolean isBit = false;
            if (range.size() == 3) {
                if (BitArgs.is(range.get(2), "bit")) {
                    isBit = true;
                } else if (!BitArgs.is(range.get(2), "byte")) {
                    throw CommandException.syntax();
                }
            }
            long end;
            if (range.size() >= 2) {
                end = Args.parseLong(range.get(1));
                endGiven = true;
            } else {
                end = p.length - 1L;
            }
            r = BitRange.resolve(start, end, p.length, isBit);
        } else if (range.isEmpty()) {
            r = BitRange.whole(p.length);
        } else {
            throw CommandException.syntax();
        }
        if (r.isEmpty()) {
            return Reply.integer(-1);
        }
        return Reply.integer(search(p, r, bit, endGiven));
    }

    /**
     * {@code bitposCommand}'s search, step for step: the masked first byte, the whole bytes, then
     * the masked last byte, each stopping early when it finds the bit.
     */
    private static long search(byte[] p, BitRange r, int bit, boolean endGiven) {
        int start = (int) r.start();
        int end = (int) r.end();
        int first = r.firstMask();
        int last = r.lastMask();
        long bytes = end - start + 1;
        long pos;
        result:
        {
            if (first != 0) {
                int tmp = bit == 1 ? p[start] & ~first : p[start] | first;
                if (last != 0 && bytes == 1) {
                    tmp = bit == 1 ? tmp & ~last : tmp | last;
                }
                pos = bitpos(tmp & 0xff, bit);
                if (bytes == 1 || (pos != -1 && pos != 8)) {
                    break result;
                }
                start++;
                bytes--;
            }
            long whole = bytes - (last != 0 ? 1 : 0); // the last byte is searched masked
            if (whole > 0) {
                pos = Bits.bitpos(p, start, (int) whole, bit);
                if (bytes == whole || (pos != -1 && pos != whole << 3)) {
                    break result;
                }
                start += (int) whole;
                bytes -= whole;
            }
            int tmp = bit == 1 ? p[end] & ~last : p[end] | last;
            pos = bitpos(tmp & 0xff, bit);
        }
        // looking for a 0 inside an explicit range: the padding past the range does not count
        if (endGiven && bit == 0 && pos == bytes << 3) {
            return -1;
        }
        return pos == -1 ? -1 : pos + ((long) start << 3);
    }

    /** {@link Bits#bitpos} on one byte: 0..7, or 8 (no 0 bit) / -1 (no 1 bit). */
    private static long bitpos(int b, int bit) {
        int wanted = bit == 1 ? b : ~b & 0xff;
        if (wanted == 0) {
            return bit == 1 ? -1 : 8;
        }
        return Integer.numberOfLeadingZeros(wanted) - 24;
    }
}
