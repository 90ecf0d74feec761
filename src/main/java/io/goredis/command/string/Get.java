package io.goredis.command.string;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.Optional;

/**
 * {@code GET key}: the value, or a null bulk when the key is absent.
 *
 * <p>goredis has only strings, so Redis's WRONGTYPE reply never happens here or in any other
 * string command.
 */
final class Get implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        Optional<Entry> entry = ctx.store().get(ctx.session().db(), key);
        ctx.counters().hit(entry.isPresent());
        return entry.map(e -> Reply.bulk(e.value())).orElse(Reply.NULL);
    }
}
