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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code RENAME key newkey} and {@code RENAMENX key newkey}, as Redis's {@code renameGenericCommand}:
 * moves the value and its expiry to {@code newkey} (RENAME replaces it, RENAMENX only if absent),
 * {@code ERR no such key} if {@code key} is absent. One atomic {@code Store.updateAll} over both keys.
 */
final class Rename implements Command {

    private final boolean nx;

    Rename(boolean nx) {
        this.nx = nx;
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] from = args.next();
        byte[] to = args.next();
        args.finish();
        int db = ctx.session().db();
        if (Arrays.equals(from, to)) {
            // Nothing moves, but a missing key is still an error.
            if (ctx.store().get(db, from).isEmpty()) {
                throw new CommandException(CommandException.NO_SUCH_KEY);
            }
            return nx ? Reply.ZERO : Reply.OK;
        }
        boolean renamed = ctx.store().updateAll(List.of(new KeyRef(db, from), new KeyRef(db, to)), current -> {
            Optional<Entry> src = current.get(0);
            if (src.isEmpty()) {
                throw new CommandException(CommandException.NO_SUCH_KEY);
            }
            if (nx && current.get(1).isPresent()) {
                return new Decision.Multi<>(List.of(Mutation.KEEP, Mutation.KEEP), false);
            }
            Entry e = src.get();
            return new Decision.Multi<>(
                    List.of(Mutation.DELETE, Mutation.put(e.value(), e.expireAtMillis())), true);
        });
        if (!nx) {
            return Reply.OK;
        }
        return renamed ? Reply.ONE : Reply.ZERO;
    }
}
