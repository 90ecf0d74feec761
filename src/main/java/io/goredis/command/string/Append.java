package io.goredis.command.string;

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
            StringLimits.check(e.value().length, suffix.length);
            if (suffix.length == 0) {
                // still a write, as in Redis: it touches the key for WATCH
                return Decision.put(e.value(), e.expireAtMillis(), (long) e.value().length);
            }
            byte[] joined = new byte[e.value().length + suffix.length];
            System.arraycopy(e.value(), 0, joined, 0, e.value().length);
            System.arraycopy(suffix, 0, joined, e.value().length, suffix.length);
            return Decision.put(joined, e.expireAtMillis(), (long) joined.length);
        });
        return Reply.integer(length);
    }
}
