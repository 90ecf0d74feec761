package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;

/** {@code PERSIST key}: removes the key's expiry; 1 if it had one, 0 if absent or without expiry. */
final class Persist implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        boolean removed = ctx.store().update(ctx.session().db(), key, current -> {
            if (current.isEmpty() || !current.get().hasExpiry()) {
                return Decision.keep(false);
            }
            return Decision.put(current.get().value(), Entry.NO_EXPIRY, true);
        });
        return removed ? Reply.ONE : Reply.ZERO;
    }
}
