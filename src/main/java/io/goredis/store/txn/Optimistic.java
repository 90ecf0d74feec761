package io.goredis.store.txn;

import io.goredis.store.ConflictException;
import io.goredis.store.KeyRef;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import io.goredis.store.TxOp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Runs a transaction body on a fresh {@link TxView} of an {@link io.goredis.store.Isolation#OPTIMISTIC}
 * store and commits it; when the commit finds a key changed by someone else, runs the whole body
 * again on fresh state (reading the backend, not a cache), invisibly to the client, at most
 * {@link #MAX_ATTEMPTS} times with a short randomized pause between attempts.
 *
 * <p>The body must be safe to run more than once: only the result of the attempt that committed is
 * returned. Its effects outside the view must be undone by the caller between attempts (see
 * {@code beforeRetry}).
 */
public final class Optimistic {

    /** Attempts before giving up with an error; each failed attempt means another client's write won. */
    public static final int MAX_ATTEMPTS = 64;

    private Optimistic() {}

    /** The body ended without committing because a watched key changed (EXEC answers a null array). */
    public static <R> Optional<R> aborted() {
        return Optional.empty();
    }

    /**
     * @param watched     WATCHed keys and the stamps WATCH saw; one found changed ends the run
     *                    with an empty result, without retrying
     * @param body        the transaction; it must not return null
     * @param beforeRetry undoes the body's effects outside the store (e.g. the selected database)
     * @return the committed attempt's result, or empty when a watched key had changed
     */
    public static <R> Optional<R> run(Store store, Clock clock, Map<KeyRef, Stamp> watched,
                                      Function<TxView, R> body, Runnable beforeRetry) {
        return run(store, clock, watched, List.of(), body, beforeRetry);
    }

    /**
     * As above; {@code known} are the keys the transaction names up front (EXEC's queued commands'
     * keys, a script's KEYS), read first in one snapshot ({@link TxView#prefetch}) with the watched keys.
     */
    public static <R> Optional<R> run(Store store, Clock clock, Map<KeyRef, Stamp> watched, List<KeyRef> known,
                                      Function<TxView, R> body, Runnable beforeRetry) {
        List<KeyRef> prefetch = new ArrayList<>(new LinkedHashSet<>(known));
        for (KeyRef w : watched.keySet()) {
            if (!prefetch.contains(w)) {
                prefetch.add(w);
            }
        }
        for (int attempt = 1; ; attempt++) {
            TxView view = new TxView(store, clock, watched, attempt > 1);
            R result;
            try {
                if (prefetch.size() > 1) {
                    view.prefetch(prefetch);
                }
                result = body.apply(view);
            } catch (TxView.WatchedKeyChanged e) {
                return aborted();
            }
            List<TxOp> ops;
            try {
                view.commit();
                return Optional.of(result);
            } catch (ConflictException e) {
                ops = view.operations();
                if (e.index() >= 0 && e.index() < ops.size() && view.isWatched(ops.get(e.index()).key())) {
                    return aborted();
                }
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new StoreException("ERR transaction aborted: the keys it touched kept changing (gave up after "
                        + MAX_ATTEMPTS + " attempts)");
            }
            beforeRetry.run();
            pause(attempt);
        }
    }

    /** Full jitter up to 1, 2, 4 ... 64 ms. */
    private static void pause(int attempt) {
        long bound = 1L << Math.min(attempt - 1, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("ERR interrupted while retrying a transaction", e);
        }
    }
}
