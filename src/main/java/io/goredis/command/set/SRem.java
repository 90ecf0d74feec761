package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.SetValue;
import java.util.List;

/**
 * {@code SREM key member [member ...]}: removes the members and answers how many were there. The
 * set is deleted once empty; otherwise its expiry is kept. Removing nothing writes nothing.
 */
final class SRem implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> members = args.rest();
        long removed = ctx.store().update(ctx.session().db(), key, current -> {
            SetValue set = Values.set(current);
            if (set == null) {
                return Decision.keep(0L);
            }
            long n = 0;
            for (byte[] m : members) {
                if (set.remove(m)) {
                    n++;
                }
            }
            if (n == 0) {
                return Decision.keep(0L);
            }
            return set.isEmpty() ? Decision.delete(n) : Decision.put(set, Values.expiry(current), n);
        });
        return Reply.integer(removed);
    }
}
