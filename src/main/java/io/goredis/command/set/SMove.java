package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import io.goredis.store.value.SetValue;
import java.util.Arrays;
import java.util.List;

/**
 * {@code SMOVE source destination member}: moves {@code member} from one set to another in one
 * atomic step ({@code Store.updateAll} of both keys) and answers 1, or 0 if {@code source} does not
 * hold it. As Redis: an absent source answers 0 before any type check; then a source, and then a
 * destination, of another type is WRONGTYPE; the same key for both only tells whether the member is
 * there. The source is deleted once empty; an absent destination is created; both keep their
 * expiries. The destination is written even when it already held the member, as Redis signals it
 * modified either way (WATCH fires).
 */
final class SMove implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] source = args.next();
        byte[] destination = args.next();
        byte[] member = args.next();
        args.finish();
        int db = ctx.session().db();
        if (Arrays.equals(source, destination)) {
            return ctx.store().read(db, source, current -> {
                SetValue set = Values.set(current);
                return set != null && set.contains(member) ? Reply.ONE : Reply.ZERO;
            });
        }
        List<KeyRef> keys = List.of(new KeyRef(db, source), new KeyRef(db, destination));
        List<Mutation> untouched = List.of(Mutation.KEEP, Mutation.KEEP);
        return ctx.store().updateAll(keys, current -> {
            SetValue from = Values.set(current.get(0));
            if (from == null) {
                return new Decision.Multi<>(untouched, Reply.ZERO);
            }
            SetValue to = Values.set(current.get(1));
            if (!from.contains(member)) {
                return new Decision.Multi<>(untouched, Reply.ZERO);
            }
            from.remove(member);
            Mutation fromMutation = from.isEmpty()
                    ? Mutation.DELETE : Mutation.put(from, Values.expiry(current.get(0)));
            if (to == null) {
                to = new SetValue();
            }
            to.add(member);
            return new Decision.Multi<>(
                    List.of(fromMutation, Mutation.put(to, Values.expiry(current.get(1)))), Reply.ONE);
        });
    }
}
