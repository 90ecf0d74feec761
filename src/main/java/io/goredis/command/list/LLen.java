package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code LLEN key}: the number of elements; 0 for an absent key. */
final class LLen implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        return Reply.integer(ListReads.read(ctx, key, 0L, list -> list.size()));
    }
}
