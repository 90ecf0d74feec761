package io.goredis.command.string;

import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code MGET key [key ...]}: one value or null bulk per key, in order. Each distinct key is read
 * once (batch reads such as DynamoDB's BatchGetItem refuse repeats); every key named counts a
 * keyspace hit or miss, as in Redis.
 */
final class MGet implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        List<byte[]> keys = args.rest();
        int db = ctx.session().db();
        Map<KeyRef, Integer> distinct = new LinkedHashMap<>();
        List<byte[]> unique = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            if (distinct.putIfAbsent(new KeyRef(db, key), unique.size()) == null) {
                unique.add(key);
            }
        }
        List<Optional<Entry>> entries = ctx.store().getAll(db, unique);
        List<Reply> out = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            Optional<Entry> e = entries.get(distinct.get(new KeyRef(db, key)));
            ctx.counters().hit(e.isPresent());
            out.add(Reply.bulkOrNull(Values.stringIfString(e)));
        }
        return Reply.array(out);
    }
}
