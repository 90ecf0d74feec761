package io.goredis.command.string;

import io.goredis.store.value.StringValue;
import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;

/**
 * {@code SETRANGE key offset value}: overwrites part of the value from {@code offset}, padding with
 * zero bytes, and answers the new length. An empty {@code value} writes nothing (an absent key stays
 * absent and answers 0). The result is capped at 512 MB as in Redis; the expiry is kept.
 */
final class SetRange implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long offset = args.nextLong();
        byte[] patch = args.next();
        args.finish();
        if (offset < 0) {
            throw new CommandException("ERR offset is out of range");
        }
        long length = ctx.store().update(ctx.session().db(), key, current -> {
            byte[] old = Values.stringOrNull(current);
            int oldLength = old == null ? 0 : old.length;
            if (patch.length == 0) {
                return Decision.keep((long) oldLength);
            }
            StringLimits.check(offset, patch.length);
            int newLength = (int) Math.max(oldLength, offset + patch.length);
            byte[] out = new byte[newLength];
            if (old != null) {
                System.arraycopy(old, 0, out, 0, oldLength);
            }
            System.arraycopy(patch, 0, out, (int) offset, patch.length);
            long expiry = current.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY);
            return Decision.put(StringValue.raw(out), expiry, (long) newLength);
        });
        return Reply.integer(length);
    }
}
