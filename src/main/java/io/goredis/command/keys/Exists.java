package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.List;
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

    /** Live keys among {@code keys} (repeats counted), recording a hit or miss per key. Shared with TOUCH. */
    static long countLive(List<byte[]> keys, Context ctx) {
        List<Optional<Entry>> found = ctx.store().getAll(ctx.session().db(), keys);
        long live = 0;
        for (Optional<Entry> e : found) {
            ctx.counters().hit(e.isPresent());
            if (e.isPresent()) {
                live++;
            }
        }
        return live;
    }
}
