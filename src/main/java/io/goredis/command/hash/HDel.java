package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.HashValue;
import java.util.List;

/**
 * {@code HDEL key field [field ...]}: removes the fields and answers how many existed. A hash left
 * empty is deleted, as Redis deletes emptied collections; when nothing was removed nothing is
 * written (WATCH does not fire).
 */
final class HDel implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> fields = args.rest();
        long deleted = ctx.store().update(ctx.session().db(), key, current -> {
            HashValue hash = Values.hash(current);
            if (hash == null) {
                return Decision.keep(0L);
            }
            long n = 0;
            for (byte[] field : fields) {
                if (hash.remove(field)) {
                    n++;
                    if (hash.isEmpty()) {
                        break;
                    }
                }
            }
            if (n == 0) {
                return Decision.keep(0L);
            }
            return hash.isEmpty() ? Decision.delete(n) : Decision.put(hash, Values.expiry(current), n);
        });
        return Reply.integer(deleted);
    }
}
