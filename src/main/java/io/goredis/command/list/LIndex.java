package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * {@code LINDEX key index}: the element at {@code index} (negative counts from the tail), or nil
 * when it is outside the list or the key is absent. As Redis's {@code lindexCommand}, the key is
 * looked up (and type-checked) before the index is parsed: an absent key answers nil whatever the
 * index says.
 */
final class LIndex implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] indexArg = args.next();
        args.finish();
        return ListReads.read(ctx, key, Reply.NULL, list -> {
            int at = Span.index(Args.parseLong(indexArg), list.size());
            return at < 0 ? Reply.NULL : Reply.bulk(list.get(at));
        });
    }
}
