package io.goredis.command.zset;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.value.ZSetValue;

/** {@code ZCOUNT key min max} and {@code ZLEXCOUNT key min max}: how many members the range holds. O(log n). */
final class ZCount implements Command {

    private final boolean lex;

    private ZCount(boolean lex) {
        this.lex = lex;
    }

    static ZCount zcount() {
        return new ZCount(false);
    }

    static ZCount zlexcount() {
        return new ZCount(true);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] min = args.next();
        byte[] max = args.next();
        Bounds.Range range = lex ? Bounds.lex(min, max) : Bounds.scores(min, max);
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            ZSetValue z = Values.zset(current);
            return Reply.integer(z == null ? 0 : range.over(z).size());
        });
    }
}
