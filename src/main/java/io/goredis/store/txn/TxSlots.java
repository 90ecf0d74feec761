package io.goredis.store.txn;

import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import io.goredis.store.Observed;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bookkeeping of a {@link TxView}: one {@link Slot} per key the transaction touched, in the order
 * it touched them, and the keys watched before it.
 *
 * <ul>
 *   <li><b>Observing</b> ({@link #observed}): a key is read from the base store at most once; a
 *       watched key found changed then ends the transaction ({@link TxView.WatchedKeyChanged}). A
 *       read one by one counts as a read outside the snapshot ({@link #readsOutsideSnapshot}), which
 *       the commit must check; {@link #prefetch} reads the keys named up front as one snapshot.</li>
 *   <li><b>Blind writes</b> ({@link #blind}): a slot without a read (plain SET), so without a stamp;
 *       the commit checks it against the watched stamp, if any.</li>
 *   <li><b>Copy-on-write</b> ({@link #forUpdate}): an updater gets a collection value copied the
 *       first time, so that changing it in place never touches the base store's value.</li>
 *   <li><b>Limits and failures</b>: touching more distinct keys than the base store can commit at
 *       once ({@link Store#maxTransactionKeys}; watched keys not yet touched count too) fails the
 *       transaction; the first such failure, and any other store failure, is kept
 *       ({@link #failure}).</li>
 * </ul>
 */
final class TxSlots {

    /** One key the transaction touched. */
    static final class Slot {
        /** What the base store held when first read; null for a key only written blind. */
        Stamp stamp;
        /** The base store's live entry when observed (empty when absent, or never observed). */
        Optional<Entry> base = Optional.empty();
        /** The key's state inside the transaction (expiry judged on reading). */
        Optional<Entry> current = Optional.empty();
        boolean written;
        /** Whether {@code current}'s value is this transaction's own (a copy, or put by it). */
        boolean owned;
    }

    private final Store base;
    private final Clock clock;
    private final boolean fresh;
    private final Map<KeyRef, Stamp> watched;
    private final Map<KeyRef, Slot> slots = new LinkedHashMap<>();
    private StoreException failure;
    /** Keys read one by one, outside the snapshot {@link #prefetch} took (they need a check at commit). */
    private int readsOutsideSnapshot;
    private boolean snapshot;

    /**
     * @param watched keys watched before the transaction, with the stamps WATCH saw
     * @param fresh   read the base store's backend, not its cache (a retry after a conflict)
     */
    TxSlots(Store base, Clock clock, Map<KeyRef, Stamp> watched, boolean fresh) {
        this.base = base;
        this.clock = clock;
        this.watched = Map.copyOf(watched);
        this.fresh = fresh;
    }

    /**
     * Reads {@code keys} (distinct, the ones the transaction names up front) in one consistent
     * snapshot ({@link Store#observeAll}): one round trip instead of one per key, and when the
     * transaction then only reads those keys, it needs no check at commit. A watched key found
     * changed ends the transaction ({@link TxView.WatchedKeyChanged}).
     */
    void prefetch(List<KeyRef> keys) {
        List<KeyRef> missing = new ArrayList<>();
        for (KeyRef k : keys) {
            if (!slots.containsKey(k)) {
                missing.add(k);
            }
        }
        if (missing.isEmpty() || slots.size() + missing.size() > base.maxTransactionKeys()) {
            return;
        }
        List<Observed> read;
        try {
            read = base.observeAll(missing);
        } catch (StoreException e) {
            throw fail(e);
        }
        for (int i = 0; i < missing.size(); i++) {
            KeyRef ref = missing.get(i);
            Observed o = read.get(i);
            Stamp w = watched.get(ref);
            if (w != null && !w.equals(o.stamp())) {
                throw new TxView.WatchedKeyChanged();
            }
            Slot slot = newSlot(ref);
            slot.stamp = o.stamp();
            slot.base = o.entry();
            slot.current = o.entry();
        }
        snapshot = slots.size() == missing.size();
    }

    /** The first store failure (too many keys, a backend error) seen inside the transaction, or null. */
    StoreException failure() {
        return failure;
    }

    /** Keeps {@code e} as the transaction's failure unless one was kept already; returns it to throw. */
    StoreException fail(StoreException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** Every key touched, in the order first touched (unmodifiable, live). */
    Map<KeyRef, Slot> slots() {
        return Collections.unmodifiableMap(slots);
    }

    /** The keys watched before the transaction, with the stamps WATCH saw. */
    Map<KeyRef, Stamp> watched() {
        return watched;
    }

    /** Whether every key touched so far was read by {@link #prefetch} as one snapshot. */
    boolean snapshot() {
        return snapshot;
    }

    /** Keys read one by one, outside the snapshot {@link #prefetch} took. */
    int readsOutsideSnapshot() {
        return readsOutsideSnapshot;
    }

    // ---------------------------------------------------------------- slots

    /** {@code key}'s slot, observed from the base store unless it was already. */
    Slot observed(int db, byte[] key) {
        KeyRef ref = new KeyRef(db, key);
        Slot slot = slots.get(ref);
        if (slot != null && slot.stamp != null) {
            return slot;
        }
        if (slot == null) {
            slot = newSlot(ref);
        }
        Observed o;
        try {
            o = base.observe(db, key, fresh);
        } catch (StoreException e) {
            throw fail(e);
        }
        readsOutsideSnapshot++;
        Stamp w = watched.get(ref);
        if (w != null && !w.equals(o.stamp())) {
            throw new TxView.WatchedKeyChanged();
        }
        slot.stamp = o.stamp();
        slot.base = o.entry();
        if (!slot.written) {
            slot.current = o.entry();
        }
        return slot;
    }

    /** {@code key}'s slot for a write that reads nothing: not observed if it was not already. */
    Slot blind(int db, byte[] key) {
        KeyRef ref = new KeyRef(db, key);
        Slot slot = slots.get(ref);
        return slot != null ? slot : newSlot(ref);
    }

    private Slot newSlot(KeyRef ref) {
        int keys = slots.size() + 1;
        for (KeyRef w : watched.keySet()) {
            if (!slots.containsKey(w) && !w.equals(ref)) {
                keys++;
            }
        }
        if (keys > base.maxTransactionKeys()) {
            throw fail(new StoreException("ERR the transaction touches more than " + base.maxTransactionKeys()
                    + " keys, the most one " + base.name() + " transaction can hold; nothing was written"));
        }
        Slot slot = new Slot();
        slots.put(new KeyRef(ref.db(), ref.key().clone()), slot);
        return slot;
    }

    /** The key's state inside the transaction, unless it has expired. */
    Optional<Entry> visible(Slot slot) {
        return slot.current.filter(e -> !e.isExpiredAt(clock.millis()));
    }

    /** Buffers {@code mutation} in {@code slot}: nothing reaches the base store before the commit. */
    void write(Slot slot, Mutation mutation) {
        switch (mutation) {
            case Mutation.Keep keep -> { }
            case Mutation.Delete delete -> {
                slot.current = Optional.empty();
                slot.written = true;
            }
            case Mutation.Put put -> {
                long version = slot.stamp == null ? 0 : slot.stamp.version() + 1;
                Entry e = new Entry(put.value(), put.expireAtMillis(), Math.max(0, version));
                slot.current = e.isExpiredAt(clock.millis()) ? Optional.empty() : Optional.of(e);
                slot.written = true;
                slot.owned = true;
            }
        }
    }

    /**
     * What an updater gets: the visible entry, its collection value copied the first time, so that
     * an updater changing it in place (see {@link io.goredis.store.value.Value}) never touches the
     * base store's value, which other readers share.
     */
    Optional<Entry> forUpdate(Slot slot) {
        Optional<Entry> v = visible(slot);
        if (v.isPresent() && !slot.owned) {
            Entry e = v.get();
            slot.current = Optional.of(new Entry(e.value().copy(), e.expireAtMillis(), e.version()));
            slot.owned = true;
            return slot.current;
        }
        return v;
    }
}
