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
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *
 * <p>This class runs the key commands on the parts and delegates the rest: {@link TxSlots} (one
 * slot per key touched: observing, blind writes, copy-on-write for updaters, the watched keys, the
 * snapshot and the kept failure), {@link TxKeyspace} (the keyspace-wide calls, adjusted for the
 * transaction's writes) and {@link TxCommit} (the operations the commit sends, and when it can be
 * skipped).
 */
public final class TxView implements Store {

    /** A read of a key the transaction watched found it changed since WATCH: EXEC answers null. */
    public static final class WatchedKeyChanged extends RuntimeException {
        WatchedKeyChanged() {
            super("watched key changed", null, false, false);
        }
    }

    private final Store base;
    private final Clock clock;
    private final TxSlots slots;
    private final TxKeyspace keyspace;
    private final TxCommit committer;

    /**
     * @param watched keys watched before the transaction, with the stamps WATCH saw
     * @param fresh   read the base store's backend, not its cache (a retry after a conflict)
     */
    public TxView(Store base, Clock clock, Map<KeyRef, Stamp> watched, boolean fresh) {
        this.base = base;
        this.clock = clock;
        this.slots = new TxSlots(base, clock, watched, fresh);
        this.keyspace = new TxKeyspace(base, slots);
        this.committer = new TxCommit(base, slots);
    }

    /**
     * Reads {@code keys} (distinct, the ones the transaction names up front) in one consistent
     * snapshot ({@link Store#observeAll}): one round trip instead of one per key, and when the
     * transaction then only reads those keys, it needs no check at commit. A watched key found
     * changed ends the transaction ({@link WatchedKeyChanged}).
     */
    public void prefetch(List<KeyRef> keys) {
        slots.prefetch(keys);
    }

    /** The first store failure (too many keys, a backend error) seen inside the transaction, or null. */
    public StoreException failure() {
        return slots.failure();
    }

    // ---------------------------------------------------------------- keys: on TxSlots

    @Override
    public Optional<Entry> get(int db, byte[] key) {
        return slots.visible(slots.observed(db, key));
    }

    /** A blind write (plain SET reads nothing), unless it is already expired: that is a delete. */
    @Override
    public long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        if (expireAtMillis != Entry.NO_EXPIRY && expireAtMillis < clock.millis()) {
            delete(db, key);
            return 0;
        }
        TxSlots.Slot slot = slots.blind(db, key);
        slots.write(slot, Mutation.put(value, expireAtMillis));
        return slot.current.map(Entry::version).orElse(0L);
    }

    @Override
    public boolean delete(int db, byte[] key) {
        TxSlots.Slot slot = slots.observed(db, key);
        boolean was = slots.visible(slot).isPresent();
        slots.write(slot, Mutation.DELETE);
        return was;
    }

    @Override
    public <R> R update(int db, byte[] key, Updater<R> updater) {
        TxSlots.Slot slot = slots.observed(db, key);
        Decision<R> decision = updater.apply(slots.forUpdate(slot));
        slots.write(slot, decision.mutation());
        return decision.result();
    }

    @Override
    public <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> updater) {
        List<TxSlots.Slot> touched = new ArrayList<>(keys.size());
        List<Optional<Entry>> current = new ArrayList<>(keys.size());
        for (KeyRef k : keys) {
            TxSlots.Slot slot = slots.observed(k.db(), k.key());
            touched.add(slot);
            current.add(slots.forUpdate(slot));
        }
        Decision.Multi<R> decision = updater.apply(Collections.unmodifiableList(current));
        if (decision.mutations().size() != keys.size()) {
            throw new IllegalArgumentException("updater returned " + decision.mutations().size()
                    + " mutations for " + keys.size() + " keys");
        }
        for (int i = 0; i < keys.size(); i++) {
            slots.write(touched.get(i), decision.mutations().get(i));
        }
        return decision.result();
    }

    // ---------------------------------------------------------------- keyspace: see TxKeyspace

    /**
     * The base store's page without the keys this transaction deleted; the last page also carries
     * the keys it created.
     */
    @Override
    public ScanPage scan(int db, long cursor, int count) {
        return keyspace.scan(db, cursor, count);
    }

    @Override
    public Optional<byte[]> randomKey(int db) {
        return keyspace.randomKey(db);
    }

    /** The base store's counts, corrected by the keys this transaction created or deleted. */
    @Override
    public KeyspaceStats stats(int db) {
        return keyspace.stats(db);
    }

    @Override
    public void flush(int db) {
        keyspace.flush(db);
    }

    @Override
    public void flushAll() {
        keyspace.flushAll();
    }

    @Override
    public void swap(int db1, int db2) {
        keyspace.swap(db1, db2);
    }

    // ---------------------------------------------------------------- transactions

    @Override
    public Isolation isolation() {
        return Isolation.OPTIMISTIC;
    }

    @Override
    public Observed observe(int db, byte[] key, boolean fresh) {
        TxSlots.Slot slot = slots.observed(db, key);
        Optional<Entry> e = slots.visible(slot);
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

    // ---------------------------------------------------------------- commit: see TxCommit

    /** The operations {@link #commit()} sends: every key touched, then keys only watched. */
    List<TxOp> operations() {
        return committer.operations();
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
        return committer.commit();
    }

    /** Whether {@code key} was watched before the transaction. */
    public boolean isWatched(KeyRef key) {
        return slots.watched().containsKey(key);
    }
}
