package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** {@code HVALS key}: every value, in the hash's order (as HGETALL); empty for an absent key. */
final class HVals implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        return HashReads.read(ctx, key, Reply.EMPTY_ARRAY, hash -> {
            List<Reply> values = new ArrayList<>((int) hash.size());
            hash.forEach((f, v) -> values.add(Reply.bulk(v)));
            return Reply.array(values);
        });
    }
}
