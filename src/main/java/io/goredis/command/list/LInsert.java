package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.ListValue;
import java.util.Arrays;

/**
 * {@code LINSERT key BEFORE|AFTER pivot element}: inserts {@code element} next to the first
 * element equal to {@code pivot} (from the head) and answers the new length; -1 when there is no
 * such element (nothing written), 0 for an absent key. BEFORE / AFTER is checked before the key,
 * as in Redis's {@code linsertCommand}. The expiry is kept.
 */
final class LInsert implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        boolean after;
        if (args.nextIs("after")) {
            after = true;
        } else if (args.nextIs("before")) {
            after = false;
        } else {
            throw CommandException.syntax();
        }
        byte[] pivot = args.next();
        byte[] element = args.next();
        args.finish();
        long length = ctx.store().update(ctx.session().db(), key, current -> {
            ListValue list = Values.list(current);
            if (list == null) {
                return Decision.keep(0L);
            }
            int at = indexOf(list, pivot);
            if (at < 0) {
                return Decision.keep(-1L);
            }
            list.insert(after ? at + 1 : at, element);
            return Decision.put(list, Values.expiry(current), list.size());
        });
        return Reply.integer(length);
    }

    private static int indexOf(ListValue list, byte[] pivot) {
        for (int i = 0; i < list.size(); i++) {
            if (Arrays.equals(list.get(i), pivot)) {
                return i;
            }
        }
        return -1;
    }
}
