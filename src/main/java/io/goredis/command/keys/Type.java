package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.Optional;

/** {@code TYPE key}: the value's type ({@code +string}, {@code +hash}, {@code +set}), or {@code +none}. */
final class Type implements Command {

    static final Reply NONE = new Reply.SimpleString("none");

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        Optional<Entry> e = ctx.store().get(ctx.session().db(), key);
        ctx.counters().hit(e.isPresent());
        return e.isPresent() ? new Reply.SimpleString(e.get().type().redisName()) : NONE;
    }
}
