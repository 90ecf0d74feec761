package io.goredis.command.txn;

import io.goredis.command.Args;
import io.goredis.command.Atomic;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.ExecutionGate;
import io.goredis.command.Invoker;
import io.goredis.command.KeyPositions;
import io.goredis.protocol.Reply;
import io.goredis.store.KeyRef;
import io.goredis.store.Stamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code EXEC}, as Redis's {@code execCommand}: EXECABORT if a queued command was refused; a null
 * array if a watched key changed; else every queued command's reply, in order, all run as one
 * atomic step ({@link Atomic}). A command failing at run time answers its error in its place and the
 * others still run (no rollback, as in Redis). A failure of the transaction as a whole (too many
 * keys for one DynamoDB transaction, a backend error, endless conflicts) answers one error and
 * writes nothing. EXEC always leaves MULTI and unwatches everything.
 */
final class Exec implements Command {

    static final Reply EXECABORT = Reply.error("EXECABORT Transaction discarded because of previous errors.");

    @Override
    public Reply execute(Args args, Context ctx) {
        TxState tx = ctx.session().tx();
        if (!tx.inMulti()) {
            throw new CommandException("ERR EXEC without MULTI");
        }
        try {
            if (tx.dirty()) {
                return EXECABORT;
            }
            // still in MULTI while the queue runs, as in Redis (CLIENT LIST shows flags=x multi=N)
            List<List<byte[]>> queue = List.copyOf(tx.commands());
            Map<KeyRef, Stamp> watched = tx.watched();
            Invoker invoker = ctx.server().invoker();
            List<io.goredis.store.KeyRef> known = KeyPositions.ofQueue(invoker, queue, ctx.session().db());
            Optional<List<Reply>> replies = Atomic.run(ctx, ExecutionGate.Holder.TRANSACTION, watched, known, c -> {
                List<Reply> out = new ArrayList<>(queue.size());
                int[] protocols = new int[queue.size()];
                for (int i = 0; i < queue.size(); i++) {
                    List<byte[]> argv = queue.get(i);
                    out.add(invoker.invoke(invoker.lookup(argv), argv, c));
                    protocols[i] = c.session().protocol();
                }
                // Redis encodes each reply as its command ends: a HELLO inside EXEC changes the
                // protocol of its own reply and the later ones only
                int last = c.session().protocol();
                for (int i = 0; i < protocols.length; i++) {
                    if (protocols[i] != last) {
                        out.set(i, new Reply.Pinned(out.get(i), protocols[i]));
                    }
                }
                return out;
            });
            return replies.<Reply>map(Reply::array).orElse(Reply.NULL_ARRAY);
        } finally {
            tx.end();
            tx.unwatch();
        }
    }
}
