package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.value.SetValue;
import java.util.ArrayList;
import java.util.List;

/** {@code SMISMEMBER key member [member ...]}: SISMEMBER of each member, as an array of 1 and 0. */
final class SMIsMember implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> members = args.rest();
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            SetValue set = Values.set(current);
            List<Reply> out = new ArrayList<>(members.size());
            for (byte[] m : members) {
                out.add(set != null && set.contains(m) ? Reply.ONE : Reply.ZERO);
            }
            return Reply.array(out);
        });
    }
}
