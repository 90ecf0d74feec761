package io.goredis.command.string;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code MGET key [key ...]}: one value or null bulk per key, in order. */
final class MGet implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        List<byte[]> keys = args.rest();
        List<Optional<Entry>> entries = ctx.store().getAll(ctx.session().db(), keys);
        List<Reply> out = new ArrayList<>(entries.size());
        for (Optional<Entry> e : entries) {
            ctx.counters().hit(e.isPresent());
            out.add(e.map(x -> Reply.bulk(x.value())).orElse(Reply.NULL));
        }
        return Reply.array(out);
    }
}
