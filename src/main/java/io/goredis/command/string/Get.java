package io.goredis.command.string;

import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.Optional;

/**
 * {@code GET key}: the value, or a null bulk when the key is absent; WRONGTYPE for a key of
 * another type, as every string command.
 */
final class Get implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        Optional<Entry> entry = ctx.store().get(ctx.session().db(), key);
        ctx.counters().hit(entry.isPresent());
        return Reply.bulkOrNull(Values.stringOrNull(entry));
    }
}
