package io.goredis.command.zset;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.value.ZSetValue;

/** {@code ZCARD key}: the number of members (0 for an absent key). */
final class ZCard implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            ZSetValue z = Values.zset(current);
            return Reply.integer(z == null ? 0 : z.size());
        });
    }
}
