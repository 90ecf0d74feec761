package io.goredis.command.list;

import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Waiters;
import io.goredis.protocol.Reply;
import io.goredis.store.KeyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The wait shared by BLPOP, BRPOP, BLMOVE, BRPOPLPUSH and BLMPOP: try the non-blocking form; if it
 * found nothing, join the node's {@link Waiters} lines for the keys and retry at each hint until an
 * element comes, the timeout passes, CLIENT UNBLOCK or the client goes. Each retry is the ordinary
 * atomic store update, so a hint that another client (on any node) used first costs one read.
 * Inside MULTI or a script the command does not block: the first try's answer stands.
 */
final class Block {

    static final String UNBLOCKED = "UNBLOCKED client unblocked via CLIENT UNBLOCK";

    private Block() {}

    /**
     * @param attempt one try; answers {@code nothing} when there was nothing to pop
     * @param timedOut the answer on timeout (Redis 7.0: a null array for every list command)
     */
    static Reply run(Context ctx, List<byte[]> keys, long timeoutMillis, Supplier<Reply> attempt, Reply nothing,
                     Reply timedOut) {
        Reply reply = attempt.get();
        if (reply != nothing || ctx.inTransaction()) {
            return reply;
        }
        int db = ctx.session().db();
        List<KeyRef> refs = new ArrayList<>(keys.size());
        for (byte[] k : keys) {
            refs.add(new KeyRef(db, k));
        }
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(timeoutMillis, Long.MAX_VALUE / 2_000_000));
        ctx.session().blocked(true);
        try (Waiters.Waiter waiter = ctx.server().waiters().enter(ctx.session().id(), refs)) {
            while (true) {
                reply = attempt.get(); // after joining the lines: a push since the first try is not missed
                if (reply != nothing) {
                    waiter.served();
                    return reply;
                }
                switch (waiter.await(deadline, ctx.session()::connected)) {
                    case HINT -> { }
                    case TIMEOUT, UNBLOCKED_TIMEOUT, DISCONNECTED -> {
                        return timedOut;
                    }
                    case UNBLOCKED_ERROR -> throw new CommandException(UNBLOCKED);
                }
            }
        } finally {
            ctx.session().blocked(false);
        }
    }
}
