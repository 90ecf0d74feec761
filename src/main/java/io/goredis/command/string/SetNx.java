package io.goredis.command.string;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;

/** {@code SETNX key value}: sets only if absent; 1 if set, 0 if the key already existed. */
final class SetNx implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] value = args.next();
        args.finish();
        boolean set = ctx.store().update(ctx.session().db(), key, current -> current.isPresent()
                ? Decision.keep(false)
                : Decision.put(value, Entry.NO_EXPIRY, true));
        return set ? Reply.ONE : Reply.ZERO;
    }
}
