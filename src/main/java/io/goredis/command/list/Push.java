package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.ListValue;
import java.util.List;

/**
 * {@code LPUSH | RPUSH key element [element ...]}: pushes the elements one after the other at the
 * head (so {@code LPUSH k a b} leaves {@code b a}) or the tail, creating the key, and answers the
 * new length. {@code LPUSHX | RPUSHX} push only onto an existing list and answer 0 otherwise, as
 * Redis's {@code pushGenericCommand} and {@code pushxGenericCommand}. The expiry is kept.
 */
final class Push implements Command {

    private final End end;
    private final boolean onlyExisting;

    private Push(End end, boolean onlyExisting) {
        this.end = end;
        this.onlyExisting = onlyExisting;
    }

    static Push lpush() {
        return new Push(End.LEFT, false);
    }

    static Push rpush() {
        return new Push(End.RIGHT, false);
    }

    static Push lpushx() {
        return new Push(End.LEFT, true);
    }

    static Push rpushx() {
        return new Push(End.RIGHT, true);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> elements = args.rest();
        long length = ctx.store().update(ctx.session().db(), key, current -> {
            ListValue list = onlyExisting ? Values.list(current) : Values.listForUpdate(current);
            if (list == null) {
                return Decision.keep(0L);
            }
            for (byte[] e : elements) {
                end.push(list, e);
            }
            return Decision.put(list, Values.expiry(current), list.size());
        });
        return Reply.integer(length);
    }
}
