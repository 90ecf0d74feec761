package io.goredis.command.zset;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.ZSetValue;
import java.util.List;

/** {@code ZREM key member [member ...]}: removes the members, answers how many were there; an emptied key goes. */
final class ZRem implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> members = args.rest();
        long removed = ctx.store().update(ctx.session().db(), key, current -> {
            ZSetValue z = Values.zset(current);
            if (z == null) {
                return Decision.keep(0L);
            }
            long n = 0;
            for (byte[] m : members) {
                if (z.remove(m)) {
                    n++;
                }
            }
            if (n == 0) {
                return Decision.keep(0L);
            }
            return z.isEmpty() ? Decision.delete(n) : Decision.put(z, Values.expiry(current), n);
        });
        return Reply.integer(removed);
    }
}
