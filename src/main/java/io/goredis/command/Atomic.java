package io.goredis.command;

import io.goredis.store.ConflictException;
import io.goredis.store.Isolation;
import io.goredis.store.KeyRef;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.TxOp;
import io.goredis.store.txn.Optimistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a transaction body (EXEC's queue, a script) as one atomic step, the one way every store
 * supports: the commands inside run unchanged on the context {@link Context#forTransaction} gives,
 * whose store is
 * <ul>
 *   <li>on a {@link Isolation#SERIAL} store (in-memory), the store itself, while this node's
 *       {@link ExecutionGate} lets no other command run — Redis's own model; WATCHed keys are checked
 *       first, with one {@link Store#commit} of checks;</li>
 *   <li>on an {@link Isolation#OPTIMISTIC} store (DynamoDB, caching), a
 *       {@link io.goredis.store.txn.TxView}, committed all or nothing by {@link Optimistic}, which
 *       runs the body again when another client (on any node) changed a key it touched.</li>
 * </ul>
 * A body run inside another (EVAL queued in MULTI) just runs, as part of the outer one.
 */
public final class Atomic {

    private Atomic() {}

    /**
     * @param watched keys WATCHed before MULTI and the stamps WATCH saw
     * @return the body's result, or empty when a watched key changed (nothing ran or was written)
     */
    public static <R> Optional<R> run(Context ctx, ExecutionGate.Holder kind, Map<KeyRef, Stamp> watched,
                                      Function<Context, R> body) {
        return run(ctx, kind, watched, List.of(), body);
    }

    /**
     * As above; {@code known} are the keys the body names up front (read in one snapshot first on an
     * optimistic store: one round trip, and no check at commit when it only reads them).
     */
    public static <R> Optional<R> run(Context ctx, ExecutionGate.Holder kind, Map<KeyRef, Stamp> watched,
                                      List<KeyRef> known, Function<Context, R> body) {
        if (ctx.inTransaction()) {
            return Optional.of(body.apply(ctx));
        }
        Store store = ctx.store();
        if (store.isolation() == Isolation.SERIAL) {
            return ctx.server().gate().runAlone(kind, () -> {
                if (changed(store, watched)) {
                    return Optional.<R>empty();
                }
                return Optional.of(body.apply(ctx.forTransaction(store)));
            });
        }
        int db = ctx.session().db();
        return Optimistic.run(store, ctx.clock(), watched, known, view -> body.apply(ctx.forTransaction(view)),
                () -> ctx.session().select(db));
    }

    /** Whether any watched key is no longer as WATCH saw it (one commit of checks, writing nothing). */
    private static boolean changed(Store store, Map<KeyRef, Stamp> watched) {
        if (watched.isEmpty()) {
            return false;
        }
        List<TxOp> checks = new ArrayList<>(watched.size());
        watched.forEach((k, stamp) -> checks.add(TxOp.check(k, stamp)));
        try {
            store.commit(checks);
            return false;
        } catch (ConflictException e) {
            return true;
        }
    }
}
