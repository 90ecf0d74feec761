package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import java.util.List;

/**
 * {@code MOVE key db}: moves the key with its expiry to another database; 1 if moved, 0 if absent
 * here or already present there. One atomic {@code Store.updateAll} over both databases.
 */
final class Move implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        int dst = Databases.parseTarget(args.next(), ctx);
        args.finish();
        int src = ctx.session().db();
        if (src == dst) {
            throw new CommandException(Copy.SAME_OBJECT);
        }
        boolean moved = ctx.store().updateAll(List.of(new KeyRef(src, key), new KeyRef(dst, key)), current -> {
            if (current.get(0).isEmpty() || current.get(1).isPresent()) {
                return new Decision.Multi<>(List.of(Mutation.KEEP, Mutation.KEEP), false);
            }
            Entry e = current.get(0).get();
            return new Decision.Multi<>(
                    List.of(Mutation.DELETE, Mutation.put(e.value(), e.expireAtMillis())), true);
        });
        return moved ? Reply.ONE : Reply.ZERO;
    }
}
