package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code HEXISTS key field}: 1 if the hash has the field, else 0 (also for an absent key). */
final class HExists implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] field = args.next();
        args.finish();
        return HashReads.read(ctx, key, false, hash -> hash.contains(field)) ? Reply.ONE : Reply.ZERO;
    }
}
