package io.goredis.command.bitmap;

import io.goredis.store.value.StringValue;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import java.util.Arrays;

/**
 * {@code SETBIT key offset value}: sets or clears one bit and answers its previous value. The
 * string grows with zero bytes to reach the bit (an absent key is created); the expiry is kept. A
 * write that changes nothing (same bit, no growth) leaves the key untouched, as in Redis, so WATCH
 * does not fire.
 */
final class SetBit implements Command {

    static final String BAD_BIT = "ERR bit is not an integer or out of range";

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long offset = BitArgs.bitOffset(args.next(), 0);
        Long on = Args.tryParseLong(args.next());
        args.finish();
        if (on == null || (on & ~1L) != 0) {
            throw new CommandException(BAD_BIT);
        }
        int value = on.intValue();
        int index = (int) (offset >>> 3);
        int shift = 7 - (int) (offset & 7);
        int previous = ctx.store().update(ctx.session().db(), key, current -> {
            byte[] old = Values.stringOrNull(current);
            boolean grown = old == null || index >= old.length;
            int was = grown ? 0 : (old[index] >> shift) & 1;
            if (!grown && was == value) {
                return Decision.keep(was);
            }
            byte[] out = old == null ? new byte[index + 1] : Arrays.copyOf(old, Math.max(old.length, index + 1));
            out[index] = (byte) ((out[index] & ~(1 << shift)) | (value << shift));
            long expiry = current.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY);
            return Decision.put(StringValue.raw(out), expiry, was);
        });
        return previous == 1 ? Reply.ONE : Reply.ZERO;
    }
}
