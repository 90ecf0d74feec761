package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code HGETALL key}: every field and its value, in the hash's order (insertion order while it is a
 * listpack). A map in RESP3, a flat field, value, ... array in RESP2; empty for an absent key.
 */
final class HGetAll implements Command {

    private static final Reply EMPTY = new Reply.MapReply(List.of(), List.of());

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        return HashReads.read(ctx, key, EMPTY, hash -> {
            List<Reply> fields = new ArrayList<>((int) hash.size());
            List<Reply> values = new ArrayList<>((int) hash.size());
            hash.forEach((f, v) -> {
                fields.add(Reply.bulk(f));
                values.add(Reply.bulk(v));
            });
            return new Reply.MapReply(fields, values);
        });
    }
}
