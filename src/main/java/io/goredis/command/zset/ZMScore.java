package io.goredis.command.zset;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.value.ZSetValue;
import java.util.ArrayList;
import java.util.List;

/** {@code ZMSCORE key member [member ...]}: each member's score, or nil, in order. */
final class ZMScore implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> members = args.rest();
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            ZSetValue z = Values.zset(current);
            List<Reply> out = new ArrayList<>(members.size());
            for (byte[] m : members) {
                Double s = z == null ? null : z.score(m);
                out.add(s == null ? Reply.NULL : Scores.reply(s));
            }
            return Reply.array(out);
        });
    }
}
