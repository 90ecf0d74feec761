package io.goredis.store.cache;

import io.goredis.store.ConflictException;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.Isolation;
import io.goredis.store.KeyRef;
import io.goredis.store.MetaStore;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Mutation;
import io.goredis.store.Observed;
import io.goredis.store.ScanPage;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.TxOp;
import io.goredis.store.Updater;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 */
public final class CachingStore implements Store {

    private static final Logger log = LoggerFactory.getLogger(CachingStore.class);

    /** Default for {@code --cache-max-memory}. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** How long a deleted key stays cached as known-absent. */
    static final Duration ABSENT_RETENTION = Duration.ofSeconds(30);

    private final Store delegate;
    private final ChangeSource source;
    private final CoherentCache cache;
    private final Clock clock;
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
        this.clock = clock;
        source.start(cache);
    }

    @Override
    public Optional<Entry> get(int db, byte[] key) {
        CacheKey k = CacheKey.of(db, key);
        Slot slot = cache.lookup(k);
        if (slot != null) {
            return slot.visibleAt(clock.millis());
        }
        CoherentCache.Token token = cache.begin(k);
        Optional<Entry> read = delegate.get(db, key);
        cache.install(k, token, read.map(this::slot).orElseGet(Slot::absentUnknown));
        return read;
    }

    @Override
    public List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
        List<Optional<Entry>> out = new ArrayList<>(keys.size());
        List<Integer> missAt = new ArrayList<>();
        List<byte[]> missKeys = new ArrayList<>();
        List<CoherentCache.Token> tokens = new ArrayList<>();
        long now = clock.millis();
        for (byte[] key : keys) {
            CacheKey k = CacheKey.of(db, key);
            Slot slot = cache.lookup(k);
            if (slot != null) {
                out.add(slot.visibleAt(now));
            } else {
                missAt.add(out.size());
                out.add(Optional.empty());
                missKeys.add(key);
                tokens.add(cache.begin(k));
            }
        }
        if (missKeys.isEmpty()) {
            return out;
        }
        List<Optional<Entry>> read = delegate.getAll(db, missKeys);
        for (int i = 0; i < missKeys.size(); i++) {
            Optional<Entry> e = read.get(i);
            out.set(missAt.get(i), e);
            cache.install(CacheKey.of(db, missKeys.get(i)), tokens.get(i), e.map(this::slot).orElseGet(Slot::absentUnknown));
        }
        return out;
    }

    /**
     * The slot caching {@code entry}: its own copy of a collection when the delegate may change the
     * delegate's value in place later ({@link Store#sharesLiveValues}); as is otherwise (DynamoDB
     * hands out freshly decoded values, and an updater's value is handed over on commit).
     */
    private Slot slot(Entry entry) {
        return Slot.of(delegate.sharesLiveValues()
                ? new Entry(entry.value().copy(), entry.expireAtMillis(), entry.version())
                : entry);
    }

    @Override
    public long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        CacheKey k = CacheKey.of(db, key);
        CoherentCache.Token token = cache.begin(k);
        long version;
        try {
            version = delegate.put(db, key, value, expireAtMillis);
        } catch (RuntimeException e) {
            cache.invalidate(k);
            throw e;
        }
        cache.install(k, token, slot(new Entry(value.clone(), expireAtMillis, version)));
        return version;
    }

    @Override
    public boolean delete(int db, byte[] key) {
        CacheKey k = CacheKey.of(db, key);
        CoherentCache.Token token = cache.begin(k);
        boolean removed;
        try {
            removed = delegate.delete(db, key);
        } catch (RuntimeException e) {
            cache.invalidate(k);
            throw e;
        }
        // the delegate does not say which version it deleted: cache an unversioned absence
        cache.install(k, token, Slot.absentUnknown());
        return removed;
    }

    @Override
    public <R> R update(int db, byte[] key, Updater<R> updater) {
        CacheKey k = CacheKey.of(db, key);
        CoherentCache.Token token = cache.begin(k);
        LastAttempt seen = new LastAttempt();
        R result;
        try {
            result = delegate.update(db, key, current -> {
                Decision<R> d = updater.apply(current);
                seen.record(current, d.mutation());
                return d;
            });
        } catch (RuntimeException e) {
            cache.invalidate(k);
            throw e;
        }
        afterCommit(k, token, seen.current, seen.mutation);
        return result;
    }

    @Override
    public <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> updater) {
        List<CacheKey> ks = new ArrayList<>(keys.size());
        List<CoherentCache.Token> tokens = new ArrayList<>(keys.size());
        for (KeyRef ref : keys) {
            CacheKey k = CacheKey.of(ref.db(), ref.key());
            ks.add(k);
            tokens.add(cache.begin(k));
        }
        LastAttempts seen = new LastAttempts();
        R result;
        try {
            result = delegate.updateAll(keys, current -> {
                Decision.Multi<R> d = updater.apply(current);
                seen.record(current, d.mutations());
                return d;
            });
        } catch (RuntimeException e) {
            ks.forEach(cache::invalidate);
            throw e;
        }
        for (int i = 0; i < ks.size(); i++) {
            if (seen.current == null || i >= seen.current.size() || i >= seen.mutations.size()) {
                cache.invalidate(ks.get(i));
            } else {
                afterCommit(ks.get(i), tokens.get(i), seen.current.get(i), seen.mutations.get(i));
            }
        }
        return result;
    }

    /**
     * Write-back after an atomic update committed {@code mutation} on top of {@code observed} (the
     * state its last, successful attempt read). The delegate does not return the new version, but a
     * committed conditional write is the immediate successor of the state it read, so its rank is at
     * least one version above {@code observed}: any later change ranks higher, any earlier one lower.
     * From an absent or expired state we know no version, so we drop the key instead.
     */
    private void afterCommit(CacheKey k, CoherentCache.Token token, Optional<Entry> observed, Mutation mutation) {
        if (mutation == null) {
            cache.invalidate(k);
            return;
        }
        switch (mutation) {
            case Mutation.Keep keep ->
                    cache.install(k, token, observed.map(this::slot).orElseGet(Slot::absentUnknown));
            case Mutation.Delete delete ->
                    cache.install(k, token, observed.map(e -> Slot.absentAfter(e.version())).orElseGet(Slot::absentUnknown));
            case Mutation.Put put -> {
                if (observed.isPresent()) {
                    long atLeast = observed.get().version() + 1;
                    cache.install(k, token, slot(new Entry(put.value(), put.expireAtMillis(), atLeast)));
                } else {
                    cache.invalidate(k);
                }
            }
        }
    }

    // ---------------------------------------------------------------- transactions

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
        CacheKey k = CacheKey.of(db, key);
        if (!fresh) {
            Slot slot = cache.lookup(k);
            if (slot != null && slot.known()) {
                Optional<Entry> live = slot.visibleAt(clock.millis());
                if (live.isPresent()) {
                    return new Observed(live, Stamp.live(live.get().version()));
                }
            }
        }
        CoherentCache.Token token = cache.begin(k);
        Observed read = delegate.observe(db, key, true);
        cache.install(k, token, read.entry().map(this::slot).orElseGet(Slot::absentUnknown));
        return read;
    }

    /** A snapshot from the table (the cache is no snapshot), installed in the cache. */
    @Override
    public List<Observed> observeAll(List<KeyRef> keys) {
        List<CacheKey> ks = new ArrayList<>(keys.size());
        List<CoherentCache.Token> tokens = new ArrayList<>(keys.size());
        for (KeyRef ref : keys) {
            CacheKey k = CacheKey.of(ref.db(), ref.key());
            ks.add(k);
            tokens.add(cache.begin(k));
        }
        List<Observed> read = delegate.observeAll(keys);
        for (int i = 0; i < read.size(); i++) {
            cache.install(ks.get(i), tokens.get(i), read.get(i).entry().map(this::slot).orElseGet(Slot::absentUnknown));
        }
        return read;
    }

    /**
     * Commits on the table; this node's cache then takes every written key at the version the table
     * gave it. A conflict drops the key found changed (its cached state may be what was stale); any
     * other failure drops every key of the transaction.
     */
    @Override
    public long[] commit(List<TxOp> ops) {
        List<CacheKey> keys = new ArrayList<>(ops.size());
        List<CoherentCache.Token> tokens = new ArrayList<>(ops.size());
        for (TxOp op : ops) {
            CacheKey k = CacheKey.of(op.key().db(), op.key().key());
            keys.add(k);
            tokens.add(cache.begin(k));
        }
        long[] versions;
        try {
            versions = delegate.commit(ops);
        } catch (ConflictException e) {
            if (e.index() >= 0 && e.index() < keys.size()) {
                cache.invalidate(keys.get(e.index()));
            } else {
                keys.forEach(cache::invalidate);
            }
            throw e;
        } catch (RuntimeException e) {
            keys.forEach(cache::invalidate);
            throw e;
        }
        for (int i = 0; i < ops.size(); i++) {
            switch (ops.get(i).mutation()) {
                case Mutation.Keep keep -> { }
                case Mutation.Put put -> cache.install(keys.get(i), tokens.get(i), versions[i] < 0
                        ? Slot.absentUnknown()
                        : slot(new Entry(put.value(), put.expireAtMillis(), versions[i])));
                case Mutation.Delete delete -> cache.install(keys.get(i), tokens.get(i),
                        versions[i] < 0 ? Slot.absentUnknown() : Slot.absentAfter(versions[i]));
            }
        }
        return versions;
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

    @Override
    public ScanPage scan(int db, long cursor, int count) {
        return delegate.scan(db, cursor, count);
    }

    @Override
    public Optional<byte[]> randomKey(int db) {
        return delegate.randomKey(db);
    }

    @Override
    public KeyspaceStats stats(int db) {
        return delegate.stats(db);
    }

    @Override
    public List<KeyspaceStats> statsAll() {
        return delegate.statsAll();
    }

    @Override
    public void flush(int db) {
        try {
            delegate.flush(db);
        } finally {
            cache.invalidateDb(db);
        }
    }

    @Override
    public void flushAll() {
        try {
            delegate.flushAll();
        } finally {
            cache.invalidateAll();
        }
    }

    @Override
    public void swap(int db1, int db2) {
        try {
            delegate.swap(db1, db2);
        } finally {
            cache.invalidateDb(db1);
            cache.invalidateDb(db2);
        }
    }

    @Override
    public int databases() {
        return delegate.databases();
    }

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

    /** The state and mutation of an update's latest attempt (only the last one commits). */
    private static final class LastAttempt {
        private volatile Optional<Entry> current = Optional.empty();
        private volatile Mutation mutation;

        void record(Optional<Entry> current, Mutation mutation) {
            this.current = current;
            this.mutation = mutation;
        }
    }

    private static final class LastAttempts {
        private volatile List<Optional<Entry>> current;
        private volatile List<Mutation> mutations;

        void record(List<Optional<Entry>> current, List<Mutation> mutations) {
            this.current = List.copyOf(current);
            this.mutations = mutations;
        }
    }

    @Override
    public String toString() {
        return "CachingStore[" + delegate.name() + ", " + cache.entries() + " entries]";
    }
}
