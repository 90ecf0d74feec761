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
 * {@code SADD key member [member ...]}: adds the members and answers how many were new. An absent
 * key is created; the expiry is kept. Adding only members already there writes nothing, so WATCH
 * does not fire (Redis signals the key only when something was added).
 */
final class SAdd implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> members = args.rest();
        long added = ctx.store().update(ctx.session().db(), key, current -> {
            SetValue set = Values.setForUpdate(current);
            long n = 0;
            for (byte[] m : members) {
                if (set.add(m)) {
                    n++;
                }
            }
            return n == 0 ? Decision.keep(0L) : Decision.put(set, Values.expiry(current), n);
        });
        return Reply.integer(added);
    }
}
