package io.goredis.command.string;

import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.Optional;

/** {@code STRLEN key}: the value's length in bytes, 0 if absent. */
final class StrLen implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        Optional<Entry> entry = ctx.store().get(ctx.session().db(), key);
        ctx.counters().hit(entry.isPresent());
        return Reply.integer(entry.isEmpty() ? 0 : Values.string(entry.get()).length);
    }
}
