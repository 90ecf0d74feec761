package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.value.HashValue;
import java.util.ArrayList;
import java.util.List;

/** {@code HMGET key field [field ...]}: each field's value or nil, in order; all nil for an absent key. */
final class HMGet implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> fields = args.rest();
        Reply found = HashReads.read(ctx, key, null, hash -> answer(hash, fields));
        return found != null ? found : answer(null, fields);
    }

    /** The values of {@code fields} in {@code hash} (null: an absent key). */
    private static Reply answer(HashValue hash, List<byte[]> fields) {
        List<Reply> out = new ArrayList<>(fields.size());
        for (byte[] field : fields) {
            out.add(hash == null ? Reply.NULL : Reply.bulkOrNull(hash.get(field)));
        }
        return Reply.array(out);
    }
}
