package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code HGET key field}: the field's value, or nil when the field or the key is absent. */
final class HGet implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] field = args.next();
        args.finish();
        return Reply.bulkOrNull(HashReads.read(ctx, key, null, hash -> hash.get(field)));
    }
}
