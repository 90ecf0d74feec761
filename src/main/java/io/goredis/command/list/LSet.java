package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.ListValue;

/**
 * {@code LSET key index element}: replaces the element at {@code index} (negative counts from the
 * tail) and answers OK. In Redis's {@code lsetCommand} order: an absent key is {@code ERR no such
 * key}, then WRONGTYPE, then a bad index, then {@code ERR index out of range}. The expiry is kept.
 */
final class LSet implements Command {

    static final String OUT_OF_RANGE = "ERR index out of range";

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] indexArg = args.next();
        byte[] element = args.next();
        args.finish();
        return ctx.store().update(ctx.session().db(), key, current -> {
            ListValue list = Values.list(current);
            if (list == null) {
                throw new CommandException(CommandException.NO_SUCH_KEY);
            }
            int at = Span.index(Args.parseLong(indexArg), list.size());
            if (at < 0) {
                throw new CommandException(OUT_OF_RANGE);
            }
            list.set(at, element);
            return Decision.put(list, Values.expiry(current), Reply.OK);
        });
    }
}
