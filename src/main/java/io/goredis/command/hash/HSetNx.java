package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.HashValue;

/**
 * {@code HSETNX key field value}: sets the field only if the hash lacks it (creating the key);
 * answers 1 if it was set, 0 (and writes nothing) if it existed.
 */
final class HSetNx implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] field = args.next();
        byte[] value = args.next();
        args.finish();
        boolean set = ctx.store().update(ctx.session().db(), key, current -> {
            HashValue hash = Values.hashForUpdate(current);
            if (hash.contains(field)) {
                return Decision.keep(false);
            }
            hash.put(field.clone(), value.clone());
            return Decision.put(hash, Values.expiry(current), true);
        });
        return set ? Reply.ONE : Reply.ZERO;
    }
}
