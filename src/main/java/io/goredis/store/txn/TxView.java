package io.goredis.store.txn;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.Isolation;
import io.goredis.store.KeyRef;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.MetaStore;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Mutation;
import io.goredis.store.Observed;
import io.goredis.store.ScanPage;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import io.goredis.store.TxOp;
import io.goredis.store.Updater;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.goredis.store.Observed;

/**
 * The {@link Store} a transaction or a script runs on when its store is
 * {@link Isolation#OPTIMISTIC}: commands run on it unchanged, while it records what each key looked
 * like when first read ({@link Store#observe}: entry and {@link Stamp}) and buffers every write.
 * {@link #commit} then hands all of it to the base store's {@link Store#commit} as one all-or-nothing
 * step that checks every key read, written or watched ({@link Optimistic} runs the transaction again
 * when that fails).
 *
 * <ul>
 *   <li>Reads after a write see the write (read-your-writes inside the transaction); a key is read
 *       from the base store at most once.</li>
 *   <li>A watched key (WATCH before MULTI) found changed when first read ends the transaction with
 *       {@link WatchedKeyChanged}; one never read is checked at commit.</li>
 *   <li>More distinct keys than the base store can commit at once ({@link Store#maxTransactionKeys})
 *       fails the whole transaction: the first such failure, and any other store failure, is kept
 *       ({@link #failure}) and the transaction writes nothing.</li>
 *   <li>Keyspace-wide calls are not isolated: SCAN pages, RANDOMKEY and DBSIZE come from the base
 *       store as it is now, adjusted for this transaction's own writes (SCAN adds the keys it created
 *       on the last page and drops the ones it deleted; DBSIZE counts them). FLUSHDB, FLUSHALL and
 *       SWAPDB are refused: no one commit can hold a whole database.</li>
 * </ul>
 * Not thread-safe: one session's transaction runs on one thread.
 */
public final class TxView implements Store {

    /** A read of a key the transaction watched found it changed since WATCH: EXEC answers null. */
    public static final class WatchedKeyChanged extends RuntimeException {
        WatchedKeyChanged() {
            super("watched key changed", null, false, false);
        }
    }

    /** One key the transaction touched. */
    private static final class Slot {
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
    public TxView(Store base, Clock clock, Map<KeyRef, Stamp> watched, boolean fresh) {
        this.base = base;
        this.clock = clock;
        this.watched = Map.copyOf(watched);
        this.fresh = fresh;
    }

    /**
     * Reads {@code keys} (distinct, the ones the transaction names up front) in one consistent
     * snapshot ({@link Store#observeAll}): one round trip instead of one per key, and when the
     * transaction then only reads those keys, it needs no check at commit. A watched key found
     * changed ends the transaction ({@link WatchedKeyChanged}).
     */
    public void prefetch(List<KeyRef> keys) {
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
                throw new WatchedKeyChanged();
            }
            Slot slot = newSlot(ref);
            slot.stamp = o.stamp();
            slot.base = o.entry();
            slot.current = o.entry();
        }
        snapshot = slots.size() == missing.size();
    }

    /** The first store failure (too many keys, a backend error) seen inside the transaction, or null. */
    public StoreException failure() {
        return failure;
    }

    // ---------------------------------------------------------------- slots

    private Slot observed(int db, byte[] key) {
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
            throw new WatchedKeyChanged();
        }
        slot.stamp = o.stamp();
        slot.base = o.entry();
        if (!slot.written) {
            slot.current = o.entry();
        }
        return slot;
    }

    private Slot blind(int db, byte[] key) {
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

    private StoreException fail(StoreException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    private Optional<Entry> visible(Slot slot) {
        return slot.current.filter(e -> !e.isExpiredAt(clock.millis()));
    }

    private void write(Slot slot, Mutation mutation) {
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
    private Optional<Entry> forUpdate(Slot slot) {
        Optional<Entry> v = visible(slot);
        if (v.isPresent() && !slot.owned) {
            Entry e = v.get();
            slot.current = Optional.of(new Entry(e.value().copy(), e.expireAtMillis(), e.version()));
            slot.owned = true;
            return slot.current;
        }
        return v;
    }

    // ---------------------------------------------------------------- Store

    @Override
    public Optional<Entry> get(int db, byte[] key) {
        return visible(observed(db, key));
    }

    /** A blind write (plain SET reads nothing), unless it is already expired: that is a delete. */
    @Override
    public long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        if (expireAtMillis != Entry.NO_EXPIRY && expireAtMillis < clock.millis()) {
            delete(db, key);
            return 0;
        }
        Slot slot = blind(db, key);
        write(slot, Mutation.put(value, expireAtMillis));
        return slot.current.map(Entry::version).orElse(0L);
    }

    @Override
    public boolean delete(int db, byte[] key) {
        Slot slot = observed(db, key);
        boolean was = visible(slot).isPresent();
        write(slot, Mutation.DELETE);
        return was;
    }

    @Override
    public <R> R update(int db, byte[] key, Updater<R> updater) {
        Slot slot = observed(db, key);
        Decision<R> decision = updater.apply(forUpdate(slot));
        write(slot, decision.mutation());
        return decision.result();
    }

    @Override
    public <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> updater) {
        List<Slot> touched = new ArrayList<>(keys.size());
        List<Optional<Entry>> current = new ArrayList<>(keys.size());
        for (KeyRef k : keys) {
            Slot slot = observed(k.db(), k.key());
            touched.add(slot);
            current.add(forUpdate(slot));
        }
        Decision.Multi<R> decision = updater.apply(Collections.unmodifiableList(current));
        if (decision.mutations().size() != keys.size()) {
            throw new IllegalArgumentException("updater returned " + decision.mutations().size()
                    + " mutations for " + keys.size() + " keys");
        }
        for (int i = 0; i < keys.size(); i++) {
            write(touched.get(i), decision.mutations().get(i));
        }
        return decision.result();
    }

    /**
     * The base store's page without the keys this transaction deleted; the last page also carries
     * the keys it created.
     */
    @Override
    public ScanPage scan(int db, long cursor, int count) {
        ScanPage page;
        try {
            page = base.scan(db, cursor, count);
        } catch (StoreException e) {
            throw fail(e);
        }
        Set<KeyRef> dropped = new HashSet<>();
        List<byte[]> created = new ArrayList<>();
        for (Map.Entry<KeyRef, Slot> e : slots.entrySet()) {
            Slot slot = e.getValue();
            if (e.getKey().db() != db || !slot.written) {
                continue;
            }
            if (visible(slot).isEmpty()) {
                dropped.add(e.getKey());
            } else if (slot.stamp == null || slot.base.isEmpty()) {
                created.add(e.getKey().key());
            }
        }
        List<byte[]> keys = new ArrayList<>(page.keys().size() + created.size());
        for (byte[] k : page.keys()) {
            if (!dropped.contains(new KeyRef(db, k))) {
                keys.add(k);
            }
        }
        if (page.nextCursor() == 0) {
            keys.addAll(created);
        }
        return new ScanPage(page.nextCursor(), keys);
    }

    @Override
    public Optional<byte[]> randomKey(int db) {
        try {
            return base.randomKey(db);
        } catch (StoreException e) {
            throw fail(e);
        }
    }

    /** The base store's counts, corrected by the keys this transaction created or deleted. */
    @Override
    public KeyspaceStats stats(int db) {
        KeyspaceStats s;
        try {
            s = base.stats(db);
        } catch (StoreException e) {
            throw fail(e);
        }
        long keys = s.keys();
        long expires = s.expires();
        for (Map.Entry<KeyRef, Slot> e : List.copyOf(slots.entrySet())) {
            if (e.getKey().db() != db || !e.getValue().written) {
                continue;
            }
            Slot slot = observed(db, e.getKey().key());
            Optional<Entry> now = visible(slot);
            keys += (now.isPresent() ? 1 : 0) - (slot.base.isPresent() ? 1 : 0);
            expires += (now.map(Entry::hasExpiry).orElse(false) ? 1 : 0)
                    - (slot.base.map(Entry::hasExpiry).orElse(false) ? 1 : 0);
        }
        return new KeyspaceStats(Math.max(0, keys), Math.max(0, expires));
    }

    @Override
    public void flush(int db) {
        throw fail(new StoreException("ERR FLUSHDB and FLUSHALL are not supported inside MULTI or a script on the "
                + base.name() + " store"));
    }

    @Override
    public void flushAll() {
        flush(0);
    }

    @Override
    public void swap(int db1, int db2) {
        throw fail(new StoreException("ERR SWAPDB is not supported inside MULTI or a script on the "
                + base.name() + " store"));
    }

    @Override
    public Isolation isolation() {
        return Isolation.OPTIMISTIC;
    }

    @Override
    public Observed observe(int db, byte[] key, boolean fresh) {
        Slot slot = observed(db, key);
        Optional<Entry> e = visible(slot);
        return new Observed(e, e.isPresent() ? Stamp.live(e.get().version()) : Stamp.absent(0));
    }

    @Override
    public List<Observed> observeAll(List<KeyRef> keys) {
        List<Observed> out = new ArrayList<>(keys.size());
        for (KeyRef k : keys) {
            out.add(observe(k.db(), k.key(), false));
        }
        return out;
    }

    /** Not for callers: a transaction is committed once, by {@link #commit()}. */
    @Override
    public long[] commit(List<TxOp> ops) {
        throw new UnsupportedOperationException("a transaction view cannot commit other operations");
    }

    @Override
    public int maxTransactionKeys() {
        return base.maxTransactionKeys();
    }

    @Override
    public MetaStore meta() {
        return base.meta();
    }

    @Override
    public int databases() {
        return base.databases();
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public String info() {
        return base.info();
    }

    @Override
    public void close() {
        // the base store outlives the transaction
    }

    // ---------------------------------------------------------------- commit

    /** The operations {@link #commit()} sends: every key touched, then keys only watched. */
    List<TxOp> operations() {
        List<TxOp> ops = new ArrayList<>(slots.size() + watched.size());
        for (Map.Entry<KeyRef, Slot> e : slots.entrySet()) {
            Slot slot = e.getValue();
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
            if (!slots.containsKey(w.getKey())) {
                ops.add(TxOp.check(w.getKey(), w.getValue()));
            }
        }
        return ops;
    }

    /**
     * Commits everything the transaction did, all or nothing; a no-op when it wrote nothing and read
     * at most one key from a store whose reads are current (one consistent read is atomic by itself;
     * a cached read may lag another node's write and is checked). Throws the kept {@link #failure}
     * if there was one, or the base store's {@link io.goredis.store.ConflictException}.
     *
     * @return the operations committed (for telling which key a conflict was on)
     */
    public List<TxOp> commit() {
        if (failure != null) {
            throw failure;
        }
        List<TxOp> ops = operations();
        boolean writes = ops.stream().anyMatch(TxOp::writes);
        boolean unverifiedWatch = watched.keySet().stream().anyMatch(k -> !slots.containsKey(k) || slots.get(k).stamp == null);
        if (!writes && ops.size() <= 1 && !unverifiedWatch && base.observesCurrent()) {
            return ops;
        }
        if (!writes && snapshot && readsOutsideSnapshot == 0 && !unverifiedWatch) {
            return ops; // everything it read came from one snapshot: serializable as it is
        }
        base.commit(ops);
        return ops;
    }

    /** Whether {@code key} was watched before the transaction. */
    public boolean isWatched(KeyRef key) {
        return watched.containsKey(key);
    }
}
