package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** {@code HKEYS key}: every field, in the hash's order (as HGETALL); empty for an absent key. */
final class HKeys implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        return HashReads.read(ctx, key, Reply.EMPTY_ARRAY, hash -> {
            List<Reply> fields = new ArrayList<>((int) hash.size());
            hash.forEach((f, v) -> fields.add(Reply.bulk(f)));
            return Reply.array(fields);
        });
    }
}
