package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import io.goredis.store.value.ListValue;
import java.util.Arrays;
import java.util.List;

/**
 * {@code LMOVE source destination LEFT|RIGHT LEFT|RIGHT}: pops an element from one end of
 * {@code source}, pushes it onto an end of {@code destination} and answers it, in one atomic step
 * ({@code Store.updateAll} of both keys); {@code RPOPLPUSH source destination} is LMOVE RIGHT LEFT.
 * As Redis's {@code lmoveGenericCommand}: the ends are parsed first; an absent source answers nil
 * before the destination's type is checked; then a destination of another type is WRONGTYPE and
 * nothing moves. The same key for both rotates the list (one update). The source is deleted once
 * empty; an absent destination is created; both keep their expiries.
 */
final class LMove implements Command {

    private final boolean rpoplpush;

    private LMove(boolean rpoplpush) {
        this.rpoplpush = rpoplpush;
    }

    static LMove lmove() {
        return new LMove(false);
    }

    static LMove rpoplpush() {
        return new LMove(true);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] source = args.next();
        byte[] destination = args.next();
        End from = rpoplpush ? End.RIGHT : End.parse(args.next());
        End to = rpoplpush ? End.LEFT : End.parse(args.next());
        args.finish();
        int db = ctx.session().db();
        if (Arrays.equals(source, destination)) {
            return ctx.store().update(db, source, current -> {
                ListValue list = Values.list(current);
                if (list == null) {
                    return Decision.keep(Reply.NULL);
                }
                byte[] element = from.pop(list);
                to.push(list, element);
                return Decision.put(list, Values.expiry(current), Reply.bulk(element));
            });
        }
        List<KeyRef> keys = List.of(new KeyRef(db, source), new KeyRef(db, destination));
        return ctx.store().updateAll(keys, current -> {
            ListValue src = Values.list(current.get(0));
            if (src == null) {
                return new Decision.Multi<>(List.of(Mutation.KEEP, Mutation.KEEP), Reply.NULL);
            }
            ListValue dst = Values.list(current.get(1));
            if (dst == null) {
                dst = new ListValue();
            }
            byte[] element = from.pop(src);
            to.push(dst, element);
            Mutation srcMutation = src.isEmpty() ? Mutation.DELETE : Mutation.put(src, Values.expiry(current.get(0)));
            return new Decision.Multi<>(
                    List.of(srcMutation, Mutation.put(dst, Values.expiry(current.get(1)))), Reply.bulk(element));
        });
    }
}
