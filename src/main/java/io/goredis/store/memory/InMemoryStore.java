package io.goredis.store.memory;

import io.goredis.store.Entry;
import io.goredis.store.Isolation;
import io.goredis.store.KeyRef;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.MetaStore;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Observed;
import io.goredis.store.ScanPage;
import io.goredis.store.Store;
import io.goredis.store.TxOp;
import io.goredis.store.Updater;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link Store} that keeps everything on the heap: one {@link Db} per database, a
 * {@code ConcurrentHashMap} per database for reads at map speed, striped locks for writes.
 *
 * <ul>
 *   <li><b>Expiry</b> is judged by the injected {@link Clock} (the one commands compute expiries
 *       with). An expired entry is invisible at once on every path (lazy), and an
 *       {@link ActiveExpiry} thread samples keys with an expiry and reclaims expired ones in the
 *       background, as Redis's {@code activeExpireCycle} does, so memory comes back unread.</li>
 *   <li><b>Versions</b> come from a counter per lock stripe, taken under the stripe's lock; a key
 *       always maps to the same stripe (whatever its database), so its versions rise strictly,
 *       across delete and re-create, SWAPDB and FLUSHDB.</li>
 *   <li><b>SCAN</b> walks a per-database index ordered by key hash; the cursor is the next hash to
 *       visit, so every key present for the whole scan is returned (duplicates never, except that a
 *       key deleted and re-added mid-scan may come twice).</li>
 * </ul>
 *
 * <p>This class wires the parts together and delegates: {@link Keyspace} (the databases, stripe
 * locks, reads and writes of keys), {@link MemoryTransactions} (observe and commit),
 * {@link Databases} (scans, counts, flush and swap of whole databases), {@link ActiveExpiry} (the
 * expiry cycle and its thread) and {@link MemoryMeta} (scripts and libraries).
 *
 * <p>Arrays passed in are copied; arrays handed out (values, scanned keys) are the store's own and
 * must not be modified.
 */
public final class InMemoryStore implements Store {

    /** How often active expiry runs by default (Redis's hz 10). */
    public static final Duration DEFAULT_EXPIRE_PERIOD = Duration.ofMillis(100);

    /** Keys sampled per round of active expiry (Redis's ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP). */
    static final int EXPIRE_SAMPLE = 20;

    private final Keyspace keyspace;
    private final MemoryTransactions transactions;
    private final Databases databases;
    private final ActiveExpiry.Cycle expiryCycle;
    private final MetaStore meta = new MemoryMeta();
    private final ActiveExpiry activeExpiry;

    /** 16 databases, active expiry every 100 ms. */
    public InMemoryStore(Clock clock) {
        this(clock, 16, DEFAULT_EXPIRE_PERIOD);
    }

    /**
     * @param expirePeriod how often active expiry runs; each run works for at most a quarter of it
     *     (Redis's 25% CPU budget). {@link Duration#ZERO} disables the background thread.
     */
    public InMemoryStore(Clock clock, int databases, Duration expirePeriod) {
        if (databases < 1) {
            throw new IllegalArgumentException("databases must be >= 1, was " + databases);
        }
        if (expirePeriod.isNegative()) {
            throw new IllegalArgumentException("expirePeriod must be >= 0, was " + expirePeriod);
        }
        this.keyspace = new Keyspace(clock, databases);
        this.transactions = new MemoryTransactions(keyspace);
        this.databases = new Databases(keyspace);
        this.expiryCycle = new ActiveExpiry.Cycle(keyspace);
        this.activeExpiry = expirePeriod.isZero() ? null : new ActiveExpiry(this::expireCycle, expirePeriod);
    }

    // ---------------------------------------------------------------- keys: see Keyspace

    @Override
    public Optional<Entry> get(int db, byte[] key) {
        return keyspace.get(db, key);
    }

    /** Under the key's stripe lock: updaters change collections in place under it. */
    @Override
    public <R> R read(int db, byte[] key, Function<Optional<Entry>, R> reader) {
        return keyspace.read(db, key, reader);
    }

    /** Under the stripe locks of every key, so MGET never sees an MSET half-applied. */
    @Override
    public List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
        return keyspace.getAll(db, keys);
    }

    @Override
    public long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        return keyspace.put(db, key, value, expireAtMillis);
    }

    @Override
    public boolean delete(int db, byte[] key) {
        return keyspace.delete(db, key);
    }

    @Override
    public <R> R update(int db, byte[] key, Updater<R> updater) {
        return keyspace.update(db, key, updater);
    }

    @Override
    public <R> R updateAll(List<KeyRef> refs, MultiUpdater<R> updater) {
        return keyspace.updateAll(refs, updater);
    }

    // ---------------------------------------------------------------- transactions: see MemoryTransactions

    /**
     * SERIAL: the node runs a transaction alone on this store (see {@link Isolation#SERIAL}), so
     * {@link #commit} is only used for WATCH checks and multi-key writes, and never conflicts
     * with the transaction's own reads.
     */
    @Override
    public Isolation isolation() {
        return Isolation.SERIAL;
    }

    /** Updaters change collections in place under the key's lock. */
    @Override
    public boolean sharesLiveValues() {
        return true;
    }

    @Override
    public MetaStore meta() {
        return meta;
    }

    @Override
    public Observed observe(int db, byte[] key, boolean fresh) {
        return transactions.observe(db, key);
    }

    /** Under the stripe locks of every key: one instant. */
    @Override
    public List<Observed> observeAll(List<KeyRef> refs) {
        return transactions.observeAll(refs);
    }

    /**
     * Under the stripe locks of every key (ascending): checks each expected stamp, then applies
     * every mutation as one change readers never see half-done.
     */
    @Override
    public long[] commit(List<TxOp> ops) {
        return transactions.commit(ops);
    }

    // ---------------------------------------------------------------- whole databases: see Databases

    @Override
    public ScanPage scan(int db, long cursor, int count) {
        return databases.scan(db, cursor, count);
    }

    @Override
    public Optional<byte[]> randomKey(int db) {
        return databases.randomKey(db);
    }

    /** Under every stripe lock, so a key being reclaimed is never counted half-removed. */
    @Override
    public KeyspaceStats stats(int db) {
        return databases.stats(db);
    }

    @Override
    public List<KeyspaceStats> statsAll() {
        return databases.statsAll();
    }

    @Override
    public void flush(int db) {
        databases.flush(db);
    }

    @Override
    public void flushAll() {
        databases.flushAll();
    }

    @Override
    public void swap(int db1, int db2) {
        databases.swap(db1, db2);
    }

    @Override
    public int databases() {
        return keyspace.databases();
    }

    @Override
    public String name() {
        return "memory";
    }

    /**
     * The {@code # Store} INFO section: keys physically held (expired ones not yet reclaimed
     * included, which is what Redis's DBSIZE counts), how many of them are expired, keys reclaimed
     * so far, time spent in expiry cycles, and the estimated bytes held.
     */
    @Override
    public String info() {
        long now = keyspace.now();
        return "# Store\r\n"
                + "store:memory\r\n"
                + "stored_keys:" + databases.storedKeys() + "\r\n"
                + "stored_keys_expired:" + databases.storedExpired(now) + "\r\n"
                + "expired_keys_reclaimed:" + keyspace.expiredKeys() + "\r\n"
                + "expire_cycle_milliseconds:" + expiryCycle.nanos() / 1_000_000 + "\r\n"
                + "dataset_bytes_estimate:" + usedMemoryEstimate() + "\r\n";
    }

    /** Estimated heap bytes held by keys and values of all databases (for INFO memory). */
    public long usedMemoryEstimate() {
        return databases.usedMemoryEstimate();
    }

    @Override
    public void close() {
        if (activeExpiry != null) {
            activeExpiry.close();
        }
    }

    // ---------------------------------------------------------------- active expiry: see ActiveExpiry

    /** The background expiry thread, or null when disabled (for tests). */
    ActiveExpiry activeExpiry() {
        return activeExpiry;
    }

    /** Keys physically stored in {@code db}, expired-but-unreclaimed included (for tests). */
    long storedKeys(int db) {
        return keyspace.db(db).map.mappingCount();
    }

    /**
     * One active expiry cycle ({@link ActiveExpiry.Cycle}) within {@code budgetNanos}: what the
     * background thread runs, and tests run by hand. Returns the number of keys reclaimed.
     */
    int expireCycle(long budgetNanos) {
        return expiryCycle.run(budgetNanos);
    }
}
