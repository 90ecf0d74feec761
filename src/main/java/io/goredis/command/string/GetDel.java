package io.goredis.command.string;

import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;

/** {@code GETDEL key}: answers the value and deletes the key; a null bulk if absent. */
final class GetDel implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        byte[] old = ctx.store().update(ctx.session().db(), key, current -> current.isEmpty()
                ? Decision.<byte[]>keep(null)
                : Decision.delete(Values.string(current.get())));
        ctx.counters().hit(old != null);
        return Reply.bulkOrNull(old);
    }
}
