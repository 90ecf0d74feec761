package io.goredis.command.string;

import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;

/** {@code GETSET key value}: sets the value (dropping any expiry) and answers the old one. */
final class GetSet implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] value = args.next();
        args.finish();
        byte[] old = ctx.store().update(ctx.session().db(), key,
                current -> Decision.put(value, Entry.NO_EXPIRY, Values.stringOrNull(current)));
        ctx.counters().hit(old != null);
        return Reply.bulkOrNull(old);
    }
}
