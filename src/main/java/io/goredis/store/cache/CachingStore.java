package io.goredis.store.cache;

import io.goredis.store.Entry;
import io.goredis.store.Isolation;
import io.goredis.store.KeyRef;
import io.goredis.store.MetaStore;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Observed;
import io.goredis.store.ScanPage;
import io.goredis.store.Store;
import io.goredis.store.TxOp;
import io.goredis.store.Updater;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --store caching}: a {@link Store} that keeps hot entries in memory in front of a delegate
 * (the DynamoDB store), while a {@link ChangeSource} (the table's stream) keeps every node's memory
 * coherent with the table.
 *
 * <ul>
 *   <li>Reads are served from the cache; a miss reads through (the delegate's reads are strongly
 *       consistent) and installs what it read.</li>
 *   <li>Writes go through: the delegate commits first, then this node's cache takes the committed
 *       state with its version (read-your-writes). A write that fails (maybe half-done) drops the key.</li>
 *   <li>Atomic read-modify-writes ({@link #update}, {@link #updateAll}) always run on the delegate,
 *       never on cached state: atomicity across nodes is the table's job.</li>
 *   <li>Scans, counts and flushes go to the delegate.</li>
 * </ul>
 * The rules that keep the cache coherent live in {@link CoherentCache}.
 *
 * <p>This class wires the parts together and delegates: {@link CachedKeys} (reads through the
 * cache, writes through it), {@link CacheTransactions} (observe, observeAll and commit),
 * {@link KeyspacePassThrough} (scans, counts, flush and swap), all sharing one {@link WriteBack}
 * (what the cache takes after the delegate answered); it answers the INFO section itself.
 */
public final class CachingStore implements Store, io.goredis.store.RemoteWrites {

    private static final Logger log = LoggerFactory.getLogger(CachingStore.class);

    /** Default for {@code --cache-max-memory}. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** How long a deleted key stays cached as known-absent. */
    static final Duration ABSENT_RETENTION = Duration.ofSeconds(30);

    private final Store delegate;
    private final ChangeSource source;
    private final CoherentCache cache;
    private final CachedKeys cachedKeys;
    private final CacheTransactions transactions;
    private final KeyspacePassThrough passThrough;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Builds the store and starts the source. The cache caches nothing until the source reports
     * it is continuous. Takes ownership of both: {@link #close()} closes the source, then the delegate.
     */
    public CachingStore(Store delegate, ChangeSource source, long maxBytes, Clock clock) {
        this(delegate, source, new CoherentCache(maxBytes, ABSENT_RETENTION, clock, ForkJoinPool.commonPool()), clock);
    }

    CachingStore(Store delegate, ChangeSource source, CoherentCache cache, Clock clock) {
        this.delegate = delegate;
        this.source = source;
        this.cache = cache;
        WriteBack writeBack = new WriteBack(delegate, cache);
        this.cachedKeys = new CachedKeys(delegate, cache, writeBack, clock);
        this.transactions = new CacheTransactions(delegate, cache, writeBack, clock);
        this.passThrough = new KeyspacePassThrough(delegate, cache);
        source.start(cache);
    }

    /** Changes arriving on the table's stream, once applied to the cache (see {@link CoherentCache#onChange}). */
    @Override
    public void onRemoteWrite(java.util.function.Consumer<KeyRef> listener) {
        cache.onApplied(listener);
    }

    // ---------------------------------------------------------------- keys: see CachedKeys

    @Override
    public Optional<Entry> get(int db, byte[] key) {
        return cachedKeys.get(db, key);
    }

    @Override
    public List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
        return cachedKeys.getAll(db, keys);
    }

    @Override
    public long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        return cachedKeys.put(db, key, value, expireAtMillis);
    }

    @Override
    public boolean delete(int db, byte[] key) {
        return cachedKeys.delete(db, key);
    }

    @Override
    public <R> R update(int db, byte[] key, Updater<R> updater) {
        return cachedKeys.update(db, key, updater);
    }

    @Override
    public <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> updater) {
        return cachedKeys.updateAll(keys, updater);
    }

    // ---------------------------------------------------------------- transactions: see CacheTransactions

    @Override
    public Isolation isolation() {
        return Isolation.OPTIMISTIC;
    }

    /**
     * A live cached entry is observed from memory (its version is the table's, so the commit checks
     * it); anything else, and everything when {@code fresh}, is read from the table and cached.
     */
    @Override
    public Observed observe(int db, byte[] key, boolean fresh) {
        return transactions.observe(db, key, fresh);
    }

    /** A snapshot from the table (the cache is no snapshot), installed in the cache. */
    @Override
    public List<Observed> observeAll(List<KeyRef> keys) {
        return transactions.observeAll(keys);
    }

    /**
     * Commits on the table; this node's cache then takes every written key at the version the table
     * gave it. A conflict drops the key found changed (its cached state may be what was stale); any
     * other failure drops every key of the transaction.
     */
    @Override
    public long[] commit(List<TxOp> ops) {
        return transactions.commit(ops);
    }

    @Override
    public int maxTransactionKeys() {
        return delegate.maxTransactionKeys();
    }

    /** Reads may come from the cache, behind another node's write by the stream's lag. */
    @Override
    public boolean observesCurrent() {
        return false;
    }

    /** Not cached: scripts and libraries are read from the table (each node caches them compiled). */
    @Override
    public MetaStore meta() {
        return delegate.meta();
    }

    // ---------------------------------------------------------------- keyspace: see KeyspacePassThrough

    @Override
    public ScanPage scan(int db, long cursor, int count) {
        return passThrough.scan(db, cursor, count);
    }

    @Override
    public Optional<byte[]> randomKey(int db) {
        return passThrough.randomKey(db);
    }

    @Override
    public KeyspaceStats stats(int db) {
        return passThrough.stats(db);
    }

    @Override
    public List<KeyspaceStats> statsAll() {
        return passThrough.statsAll();
    }

    /** On the delegate; then, even if it failed, the cache forgets the database. */
    @Override
    public void flush(int db) {
        passThrough.flush(db);
    }

    @Override
    public void flushAll() {
        passThrough.flushAll();
    }

    @Override
    public void swap(int db1, int db2) {
        passThrough.swap(db1, db2);
    }

    @Override
    public int databases() {
        return delegate.databases();
    }

    // ---------------------------------------------------------------- the store

    @Override
    public String name() {
        return "caching";
    }

    /** The {@code # Cache} INFO section, followed by whatever the delegate contributes. */
    @Override
    public String info() {
        long hits = cache.hits();
        long misses = cache.misses();
        long total = hits + misses;
        ChangeSource.Status s = source.status();
        StringBuilder sb = new StringBuilder("# Cache\r\n");
        line(sb, "cache_hits", hits);
        line(sb, "cache_misses", misses);
        sb.append("cache_hit_ratio:")
                .append(String.format(Locale.ROOT, "%.4f", total == 0 ? 0.0 : (double) hits / total))
                .append("\r\n");
        line(sb, "cache_entries", cache.entries());
        line(sb, "cache_bytes", cache.bytes());
        line(sb, "cache_evictions", cache.evictions());
        line(sb, "cache_coherent", cache.continuous() ? 1 : 0);
        line(sb, "cache_stream_shards_followed", s.shardsFollowed());
        line(sb, "cache_stream_records_read", s.recordsRead());
        line(sb, "cache_stream_records_applied", cache.eventsApplied());
        line(sb, "cache_stream_records_stale", cache.eventsStale());
        line(sb, "cache_stream_lag_ms", s.lagMillis());
        line(sb, "cache_continuity_resets", cache.continuityResets());
        String more = delegate.info();
        if (!more.isEmpty()) {
            sb.append("\r\n").append(more);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, long value) {
        sb.append(name).append(':').append(value).append("\r\n");
    }

    CoherentCache cache() {
        return cache;
    }

    /** Stops the change source, then closes the delegate. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            source.close();
        } catch (RuntimeException e) {
            log.warn("cache: closing the change source failed", e);
        }
        delegate.close();
    }

    @Override
    public String toString() {
        return "CachingStore[" + delegate.name() + ", " + cache.entries() + " entries]";
    }
}
