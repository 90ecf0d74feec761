package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code HSTRLEN key field}: the length of the field's value; 0 when the field or the key is absent. */
final class HStrLen implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] field = args.next();
        args.finish();
        return Reply.integer(HashReads.read(ctx, key, 0, hash -> {
            byte[] value = hash.get(field);
            return value == null ? 0 : value.length;
        }));
    }
}
