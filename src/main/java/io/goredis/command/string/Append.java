package io.goredis.command.string;

import io.goredis.store.value.StringValue;
import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;

/**
 * {@code APPEND key value}: appends to the value (creating the key if absent, even with an empty
 * value) and answers the new length. The expiry is kept.
 */
final class Append implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] suffix = args.next();
        args.finish();
        long length = ctx.store().update(ctx.session().db(), key, current -> {
            if (current.isEmpty()) {
                return Decision.put(suffix, Entry.NO_EXPIRY, (long) suffix.length);
            }
            Entry e = current.get();
            byte[] old = Values.string(e);
            StringLimits.check(old.length, suffix.length);
            if (suffix.length == 0) {
                // still a write, as in Redis: it touches the key for WATCH (and makes it raw)
                return Decision.put(StringValue.raw(old), e.expireAtMillis(), (long) old.length);
            }
            byte[] joined = new byte[old.length + suffix.length];
            System.arraycopy(old, 0, joined, 0, old.length);
            System.arraycopy(suffix, 0, joined, old.length, suffix.length);
            return Decision.put(StringValue.raw(joined), e.expireAtMillis(), (long) joined.length);
        });
        return Reply.integer(length);
    }
}
