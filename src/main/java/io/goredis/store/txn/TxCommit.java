package io.goredis.store.txn;

import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.TxOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end of a {@link TxView}: turns its {@link TxSlots} into the operations of one
 * {@link Store#commit} (a check for every key read, a put or delete for every key written, each
 * expecting the stamp first read or, for a key written blind, the one WATCH saw; then a check for
 * every key only watched), and decides whether that commit can be skipped: a transaction that
 * wrote nothing needs none when it read at most one key from a store whose reads are current, or
 * when everything it read came from the one snapshot {@link TxSlots#prefetch} took; a watched key
 * never read always needs one.
 */
final class TxCommit {

    private final Store base;
    private final TxSlots slots;

    TxCommit(Store base, TxSlots slots) {
        this.base = base;
        this.slots = slots;
    }

    /** The operations {@link #commit()} sends: every key touched, then keys only watched. */
    List<TxOp> operations() {
        Map<KeyRef, TxSlots.Slot> touched = slots.slots();
        Map<KeyRef, Stamp> watched = slots.watched();
        List<TxOp> ops = new ArrayList<>(touched.size() + watched.size());
        for (Map.Entry<KeyRef, TxSlots.Slot> e : touched.entrySet()) {
            TxSlots.Slot slot = e.getValue();
            Stamp expected = slot.stamp != null ? slot.stamp : watched.get(e.getKey());
            if (!slot.written) {
                ops.add(TxOp.check(e.getKey(), expected));
                continue;
            }
            // an entry written with an expiry that has passed since is still written (invisibly)
            Mutation m = slot.current.isPresent()
                    ? Mutation.put(slot.current.get().value(), slot.current.get().expireAtMillis())
                    : Mutation.DELETE;
            ops.add(new TxOp(e.getKey(), expected, m));
        }
        for (Map.Entry<KeyRef, Stamp> w : watched.entrySet()) {
            if (!touched.containsKey(w.getKey())) {
                ops.add(TxOp.check(w.getKey(), w.getValue()));
            }
        }
        return ops;
    }

    /**
     * Commits everything the transaction did, all or nothing; a no-op when it wrote nothing and read
     * at most one key from a store whose reads are current (one consistent read is atomic by itself;
     * a cached read may lag another node's write and is checked). Throws the kept
     * {@link TxSlots#failure} if there was one, or the base store's
     * {@link io.goredis.store.ConflictException}.
     *
     * @return the operations committed (for telling which key a conflict was on)
     */
    List<TxOp> commit() {
        if (slots.failure() != null) {
            throw slots.failure();
        }
        Map<KeyRef, TxSlots.Slot> touched = slots.slots();
        List<TxOp> ops = operations();
        boolean writes = ops.stream().anyMatch(TxOp::writes);
        boolean unverifiedWatch = slots.watched().keySet().stream()
                .anyMatch(k -> !touched.containsKey(k) || touched.get(k).stamp == null);
        if (!writes && ops.size() <= 1 && !unverifiedWatch && base.observesCurrent()) {
            return ops;
        }
        if (!writes && slots.snapshot() && slots.readsOutsideSnapshot() == 0 && !unverifiedWatch) {
            return ops; // everything it read came from one snapshot: serializable as it is
        }
        base.commit(ops);
        return ops;
    }
}
