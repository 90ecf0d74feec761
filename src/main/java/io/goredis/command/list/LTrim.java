package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.ListValue;

/**
 * {@code LTRIM key start stop}: keeps only the elements LRANGE would answer and answers OK; a range
 * naming none deletes the key. The indexes are parsed before the key is looked up. As Redis's
 * {@code ltrimCommand}, an existing list is always rewritten, even when nothing was trimmed, since
 * Redis signals the key modified either way (WATCH fires); the expiry is kept.
 */
final class LTrim implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long start = args.nextLong();
        long stop = args.nextLong();
        args.finish();
        return ctx.store().update(ctx.session().db(), key, current -> {
            ListValue list = Values.list(current);
            if (list == null) {
                return Decision.keep(Reply.OK);
            }
            Span span = Span.of(start, stop, list.size());
            if (span == null) {
                return Decision.delete(Reply.OK);
            }
            if (span.length() < list.size()) {
                list.keepRange(span.start(), span.stop());
            }
            return Decision.put(list, Values.expiry(current), Reply.OK);
        });
    }
}
