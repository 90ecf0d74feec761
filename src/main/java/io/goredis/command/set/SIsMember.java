package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.value.SetValue;

/** {@code SISMEMBER key member}: 1 if {@code member} is in the set, else 0 (also for an absent key). */
final class SIsMember implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] member = args.next();
        args.finish();
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            SetValue set = Values.set(current);
            return set != null && set.contains(member) ? Reply.ONE : Reply.ZERO;
        });
    }
}
