package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.value.SetValue;

/**
 * {@code SMEMBERS key}: every member, as a RESP3 set (an array in RESP2), in the set's order:
 * ascending for an intset, as Redis. An absent key is the empty set.
 */
final class SMembers implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            SetValue set = Values.set(current);
            return set == null ? SetReplies.EMPTY_SET : SetReplies.set(set);
        });
    }
}
