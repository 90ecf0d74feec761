package io.goredis.store.cache;

import io.goredis.store.KeyRef;
import java.util.function.Consumer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node-local cache of {@link CachingStore}: a bounded Caffeine map from key to {@link Slot},
 * kept coherent with the table by the {@link ChangeSource}'s events. It is the one place that
 * decides whether a state may be installed, so the coherence rules live here:
 *
 * <ul>
 *   <li><b>Never backwards.</b> A slot is only replaced by a state of higher rank (version); an event
 *       or fill older than what is cached is dropped. So a node never serves an older value than one
 *       it served from its cache (monotonic reads).</li>
 *   <li><b>Events only touch cached keys.</b> An event for a key the node does not hold is ignored:
 *       the next read fetches the current state from the table anyway. This keeps memory bounded and
 *       makes eviction always safe — a forgotten key cannot be resurrected by a late old event.</li>
 *   <li><b>No fill overtakes an event.</b> Every fill or write-back takes a {@link Token} before it
 *       calls the table; every event records its rank and bumps a per-stripe counter before it
 *       touches the map. A fill whose stripe moved meanwhile installs into an empty slot only if it
 *       ranks at least as high as every event that stripe has seen (the event it raced may have been
 *       ignored), so a slow read can never install a value older than a write or delete the stream
 *       already delivered. Both sides run under the map's per-key lock ({@code compute}).</li>
 *   <li><b>Unknown stays humble.</b> An absence read from the table has no version; such a slot is
 *       dropped by any event for its key instead of compared.</li>
 *   <li><b>No trust without continuity.</b> Until the source says it is continuous, and again after
 *       it lost continuity, nothing is installed and the map is emptied: reads pass through.</li>
 * </ul>
 *
 * Thread-safe. Events are applied on the source's thread; fills and write-backs on session threads.
 */
final class CoherentCache implements ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(CoherentCache.class);

    /** Per-key change counters are striped: a collision only costs a skipped install. */
    private static final int STRIPES = 4096;

    /** A fill's or write's snapshot of the change counters, taken before it calls the table. */
    record Token(long epoch, int stripe, long changes, long invalidations) {}

    private final Cache<CacheKey, Slot> map;
    private volatile Consumer<KeyRef> changed = k -> { };
    private final Clock clock;
    private final long absentRetentionNanos;
    /** Events seen per stripe. */
    private final AtomicLongArray changes = new AtomicLongArray(STRIPES);
    /** Highest event rank seen per stripe (ranks of different keys compare as a bound only). */
    private final AtomicLongArray maxRank = new AtomicLongArray(STRIPES);
    /** Unversioned invalidations per stripe (failed or unversioned writes). */
    private final AtomicLongArray invalidations = new AtomicLongArray(STRIPES);
    /** Bumped by every reset, flush and continuity change: voids every token taken before. */
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean continuous;

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder applied = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final AtomicLong resets = new AtomicLong();

    /**
     * @param maxBytes        weight bound: key + value bytes + {@link Slot#OVERHEAD_BYTES} per entry
     * @param absentRetention how long a known absence (a deleted key) stays cached
     * @param clock           decides expiry of entries
     * @param executor        Caffeine's maintenance executor ({@code Runnable::run} in tests)
     */
    CoherentCache(long maxBytes, Duration absentRetention, Clock clock, Executor executor) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
        }
        this.clock = clock;
        this.absentRetentionNanos = absentRetention.toNanos();
        this.map = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((CacheKey k, Slot s) -> s.weight(k))
                .expireAfter(new SlotExpiry())
                .evictionListener((CacheKey k, Slot s, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        evictions.increment();
                    }
                })
                .executor(executor)
                .build();
    }

    /** The cached slot for {@code key}, counting a hit or a miss. */
    Slot lookup(CacheKey key) {
        Slot s = map.getIfPresent(key);
        (s == null ? misses : hits).increment();
        return s;
    }

    /** Snapshot to take before reading or writing {@code key} in the table. */
    /** {@link #begin(CacheKey)} for each key, in order. */
    java.util.List<Token> begin(java.util.List<CacheKey> keys) {
        java.util.List<Token> tokens = new java.util.ArrayList<>(keys.size());
        for (CacheKey k : keys) {
            tokens.add(begin(k));
        }
        return tokens;
    }

    Token begin(CacheKey key) {
        long e = epoch.get();
        int stripe = stripe(key);
        return new Token(e, stripe, changes.get(stripe), invalidations.get(stripe));
    }

    /**
     * Installs {@code fresh}, a state read from or committed to the table after {@code token} was
     * taken, unless that would break a rule above. Never throws away a newer cached state; when in
     * doubt, it drops the key (the next read fetches it again).
     */
    void install(CacheKey key, Token token, Slot fresh) {
        if (!continuous || epoch.get() != token.epoch()) {
            return;
        }
        map.asMap().compute(key, (k, old) -> {
            if (epoch.get() != token.epoch()) {
                return null;
            }
            if (old == null) {
                return mayFillEmpty(token, fresh) ? fresh : null;
            }
            if (old.known() && fresh.known()) {
                return fresh.rank() > old.rank() ? fresh : old;
            }
            return null;
        });
        if (epoch.get() != token.epoch()) {
            // a reset ran while we installed: it may have missed our slot
            map.invalidate(key);
        }
    }

    /**
     * Whether {@code fresh} may go into an empty slot. Yes if no event touched the key's stripe since
     * the token; else only if it is at least as new as every event that stripe ever saw (the events
     * for this key among them, which were ignored because it was not cached) — and never after an
     * unversioned invalidation, whose write may be newer than anything we can rank.
     */
    private boolean mayFillEmpty(Token token, Slot fresh) {
        int stripe = token.stripe();
        if (invalidations.get(stripe) != token.invalidations()) {
            return false;
        }
        return changes.get(stripe) == token.changes() || (fresh.known() && fresh.rank() >= maxRank.get(stripe));
    }

    /** Forgets {@code key} and voids in-flight fills of it (after an ambiguous or unversioned write). */
    void invalidate(CacheKey key) {
        invalidations.incrementAndGet(stripe(key));
        map.invalidate(key);
    }

    /** Forgets every key of {@code db} (FLUSHDB, SWAPDB) and voids every in-flight fill. */
    void invalidateDb(int db) {
        epoch.incrementAndGet();
        map.asMap().keySet().removeIf(k -> k.db() == db);
    }

    /** Forgets everything (FLUSHALL) and voids every in-flight fill. */
    void invalidateAll() {
        epoch.incrementAndGet();
        map.invalidateAll();
    }

    @Override
    public void onChange(ChangeEvent event) {
        CacheKey key = CacheKey.of(event.db(), event.key());
        int stripe = stripe(key);
        // rank first, then the counter: an install that sees the new count also sees the rank
        maxRank.accumulateAndGet(stripe, event.rank(), Math::max);
        changes.incrementAndGet(stripe);
        Slot fresh = Slot.of(event);
        map.asMap().compute(key, (k, old) -> {
            if (old == null) {
                return null;
            }
            if (!old.known()) {
                return null;
            }
            if (fresh.rank() > old.rank()) {
                applied.increment();
                return fresh;
            }
            stale.increment();
            return old;
        });
        changed.accept(new KeyRef(event.db(), event.key()));
    }

    /** Told each key a change was applied for, after the cache holds it (blocked clients' hints). */
    void onApplied(Consumer<KeyRef> listener) {
        this.changed = listener;
    }

    @Override
    public void onContinuous() {
        epoch.incrementAndGet();
        continuous = true;
        log.info("cache: change stream continuous, caching enabled");
    }

    @Override
    public void onContinuityLost(String reason) {
        continuous = false;
        epoch.incrementAndGet();
        map.invalidateAll();
        resets.incrementAndGet();
        log.warn("cache: change stream continuity lost ({}); cache dropped, reads go to the table until it resumes", reason);
    }

    boolean continuous() {
        return continuous;
    }

    /** Runs pending maintenance (evictions, expiry) now; for tests and stats. */
    void cleanUp() {
        map.cleanUp();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    long entries() {
        return map.estimatedSize();
    }

    long bytes() {
        return map.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    long evictions() {
        return evictions.sum();
    }

    long eventsApplied() {
        return applied.sum();
    }

    long eventsStale() {
        return stale.sum();
    }

    long continuityResets() {
        return resets.get();
    }

    private static int stripe(CacheKey key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    /** Entries live until their own expiry; absences for {@link #absentRetentionNanos}. */
    private final class SlotExpiry implements Expiry<CacheKey, Slot> {

        @Override
        public long expireAfterCreate(CacheKey key, Slot slot, long currentTime) {
            return lifetime(slot);
        }

        @Override
        public long expireAfterUpdate(CacheKey key, Slot slot, long currentTime, long currentDuration) {
            return lifetime(slot);
        }

        @Override
        public long expireAfterRead(CacheKey key, Slot slot, long currentTime, long currentDuration) {
            return currentDuration;
        }

        private long lifetime(Slot slot) {
            if (slot.entry() == null) {
                return absentRetentionNanos;
            }
            if (!slot.entry().hasExpiry()) {
                return Long.MAX_VALUE;
            }
            long millis = slot.entry().expireAtMillis() - clock.millis();
            // the clock, not Caffeine's ticker, decides visibility: this only reclaims memory
            return millis <= 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(millis);
        }
    }
}
