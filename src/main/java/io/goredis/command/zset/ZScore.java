package io.goredis.command.zset;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.value.ZSetValue;

/** {@code ZSCORE key member}: the member's score, or nil. */
final class ZScore implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] member = args.next();
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            ZSetValue z = Values.zset(current);
            Double s = z == null ? null : z.score(member);
            return s == null ? Reply.NULL : Scores.reply(s);
        });
    }
}
