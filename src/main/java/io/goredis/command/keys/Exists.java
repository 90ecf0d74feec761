package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code EXISTS key [key ...]}: how many of the keys exist, a key named twice counted twice.
 * Every key looked up is a keyspace hit or miss, as Redis counts it.
 */
final class Exists implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        return Reply.integer(countLive(args.rest(), ctx));
    }

    /**
     * Live keys among {@code keys} (repeats counted), recording a hit or miss per key named. Shared
     * with TOUCH. Each distinct key is read once, in one {@code getAll} (a batch read on DynamoDB,
     * which refuses a batch naming a key twice).
     */
    static long countLive(List<byte[]> keys, Context ctx) {
        Map<ByteBuffer, Integer> index = new LinkedHashMap<>();
        List<byte[]> distinct = new ArrayList<>();
        for (byte[] key : keys) {
            if (index.putIfAbsent(ByteBuffer.wrap(key), distinct.size()) == null) {
                distinct.add(key);
            }
        }
        List<Optional<Entry>> found = ctx.store().getAll(ctx.session().db(), distinct);
        long live = 0;
        for (byte[] key : keys) {
            boolean present = found.get(index.get(ByteBuffer.wrap(key))).isPresent();
            ctx.counters().hit(present);
            if (present) {
                live++;
            }
        }
        return live;
    }
}
