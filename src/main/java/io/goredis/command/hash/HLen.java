package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code HLEN key}: the number of fields; 0 for an absent key. */
final class HLen implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        return Reply.integer(HashReads.read(ctx, key, 0L, hash -> hash.size()));
    }
}
