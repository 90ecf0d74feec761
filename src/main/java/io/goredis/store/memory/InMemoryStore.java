package io.goredis.store.memory;

import io.goredis.store.ConflictException;
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
import io.goredis.store.TxOp;
import io.goredis.store.Updater;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

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
 * <p>Arrays passed in are copied; arrays handed out (values, scanned keys) are the store's own and
 * must not be modified.
 */
public final class InMemoryStore implements Store {

    /** How often active expiry runs by default (Redis's hz 10). */
    public static final Duration DEFAULT_EXPIRE_PERIOD = Duration.ofMillis(100);

    /** Keys sampled per round of active expiry (Redis's ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP). */
    static final int EXPIRE_SAMPLE = 20;

    private final Clock clock;
    private final AtomicReferenceArray<Db> dbs;
    private final Stripes stripes = new Stripes();
    private final MetaStore meta = new MemoryMeta();
    private final ActiveExpiry activeExpiry;
    /** Database the next expiry cycle starts with (round robin, as Redis's current_db). */
    private int nextExpireDb;
    /** Keys reclaimed because they expired, by active expiry or on access (Redis's expired_keys). */
    private final LongAdder expiredKeys = new LongAdder();
    /** Time spent in expiry cycles (Redis's expire_cycle_cpu_milliseconds, as wall time). */
    private final LongAdder expireCycleNanos = new LongAdder();

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
        this.clock = clock;
        this.dbs = new AtomicReferenceArray<>(databases);
        for (int i = 0; i < databases; i++) {
            dbs.set(i, new Db());
        }
        this.activeExpiry = expirePeriod.isZero() ? null : new ActiveExpiry(this::expireCycle, expirePeriod);
    }

    @Override
    public Optional<Entry> get(int db, byte[] key) {
        Key k = Key.wrap(key);
        int s = Stripes.of(k);
        long seq = stripes.readBegin(s);
        Entry e = dbs.get(db).map.get(k);
        if (!stripes.unchanged(s, seq)) {
            stripes.lock(s);
            try {
                e = dbs.get(db).map.get(k);
            } finally {
                stripes.unlock(s);
            }
        }
        if (e == null) {
            return Optional.empty();
        }
        if (e.isExpiredAt(clock.millis())) {
            expireIfStale(db, k, e);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** Under the key's stripe lock: updaters change collections in place under it. */
    @Override
    public <R> R read(int db, byte[] key, Function<Optional<Entry>, R> reader) {
        Key k = Key.wrap(key);
        int s = Stripes.of(k);
        stripes.lock(s);
        try {
            return reader.apply(live(dbs.get(db).map.get(k), clock.millis()));
        } finally {
            stripes.unlock(s);
        }
    }

    @Override
    public List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
        // Under the stripe locks, so MGET never sees an MSET half-applied.
        Key[] ks = new Key[keys.size()];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = Key.wrap(keys.get(i));
        }
        int[] locked = lockStripes(ks);
        try {
            Db d = dbs.get(db);
            long now = clock.millis();
            List<Optional<Entry>> out = new ArrayList<>(ks.length);
            for (Key k : ks) {
                out.add(live(d.map.get(k), now));
            }
            return out;
        } finally {
            unlockStripes(locked);
        }
    }

    @Override
    public long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        Key k = Key.copyOf(key);
        byte[] v = value.clone();
        int s = Stripes.of(k);
        stripes.lock(s);
        try {
            long version = stripes.nextVersion(s);
            Entry e = new Entry(v, expireAtMillis, version);
            Db d = dbs.get(db);
            long now = clock.millis();
            if (e.hasExpiry() && e.isExpiredAt(now)) {
                d.remove(k);
            } else {
                createdIfNew(k, d.put(k, e), now);
            }
            return version;
        } finally {
            stripes.unlock(s);
        }
    }

    @Override
    public boolean delete(int db, byte[] key) {
        Key k = Key.wrap(key);
        int s = Stripes.of(k);
        stripes.lock(s);
        try {
            Entry prev = dbs.get(db).remove(k);
            return prev != null && !prev.isExpiredAt(clock.millis());
        } finally {
            stripes.unlock(s);
        }
    }

    @Override
    public <R> R update(int db, byte[] key, Updater<R> updater) {
        Key k = Key.wrap(key);
        int s = Stripes.of(k);
        stripes.lock(s);
        try {
            Db d = dbs.get(db);
            long now = clock.millis();
            Entry stored = d.map.get(k);
            // the updater may change a collection in place: weigh it first
            long weightBefore = stored == null ? -1 : stored.value().weight();
            Decision<R> decision = updater.apply(live(stored, now));
            apply(d, k, decision.mutation(), now, weightBefore);
            return decision.result();
        } finally {
            stripes.unlock(s);
        }
    }

    @Override
    public <R> R updateAll(List<KeyRef> refs, MultiUpdater<R> updater) {
        Key[] ks = new Key[refs.size()];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = Key.wrap(refs.get(i).key());
        }
        int[] locked = lockStripes(ks);
        try {
            long now = clock.millis();
            List<Optional<Entry>> current = new ArrayList<>(ks.length);
            long[] weightsBefore = new long[ks.length];
            for (int i = 0; i < ks.length; i++) {
                Entry stored = dbs.get(refs.get(i).db()).map.get(ks[i]);
                weightsBefore[i] = stored == null ? -1 : stored.value().weight();
                current.add(live(stored, now));
            }
            Decision.Multi<R> decision = updater.apply(Collections.unmodifiableList(current));
            List<Mutation> mutations = decision.mutations();
            if (mutations.size() != ks.length) {
                throw new IllegalArgumentException(
                        "updater returned " + mutations.size() + " mutations for " + ks.length + " keys");
            }
            if (mutations.stream().anyMatch(m -> !(m instanceof Mutation.Keep))) {
                for (int s : locked) {
                    stripes.beginChange(s);
                }
                try {
                    for (int i = 0; i < ks.length; i++) {
                        apply(dbs.get(refs.get(i).db()), ks[i], mutations.get(i), now, weightsBefore[i]);
                    }
                } finally {
                    for (int s : locked) {
                        stripes.endChange(s);
                    }
                }
            }
            return decision.result();
        } finally {
            unlockStripes(locked);
        }
    }

    /**
     * Applies one mutation to {@code d}; the key's stripe lock is held. {@code key} may wrap the
     * caller's array: it is copied before anything keeps it.
     */
    private long apply(Db d, Key key, Mutation mutation, long now) {
        return apply(d, key, mutation, now, -1);
    }

    /** As above; {@code weightBefore} as {@link Db#put(Key, Entry, long)}. */
    private long apply(Db d, Key key, Mutation mutation, long now, long weightBefore) {
        switch (mutation) {
            case Mutation.Keep keep -> {
                return -1;
            }
            case Mutation.Delete delete -> {
                d.remove(key);
                return -1;
            }
            case Mutation.Put put -> {
                Entry e = new Entry(put.value(), put.expireAtMillis(), stripes.nextVersion(Stripes.of(key)));
                if (e.isExpiredAt(now)) {
                    d.remove(key);
                } else {
                    createdIfNew(key, d.put(key.owned(), e, weightBefore), now);
                }
                return e.version();
            }
        }
    }

    /** Bumps the creation counter when a put brought {@code key} to life; its stripe lock is held. */
    private void createdIfNew(Key key, Entry previous, long now) {
        if (previous == null || previous.isExpiredAt(now)) {
            stripes.created(key);
        }
    }

    // ---------------------------------------------------------------- transactions

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
        Key k = Key.wrap(key);
        int s = Stripes.of(k);
        stripes.lock(s);
        try {
            Entry e = dbs.get(db).map.get(k);
            if (e != null && !e.isExpiredAt(clock.millis())) {
                return new Observed(Optional.of(e), Stamp.live(e.version()));
            }
            return new Observed(Optional.empty(), Stamp.absent(stripes.generation(k)));
        } finally {
            stripes.unlock(s);
        }
    }

    /** Under the stripe locks of every key: one instant. */
    @Override
    public List<Observed> observeAll(List<KeyRef> refs) {
        Key[] ks = new Key[refs.size()];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = Key.wrap(refs.get(i).key());
        }
        int[] locked = lockStripes(ks);
        try {
            long now = clock.millis();
            List<Observed> out = new ArrayList<>(ks.length);
            for (int i = 0; i < ks.length; i++) {
                Entry e = dbs.get(refs.get(i).db()).map.get(ks[i]);
                out.add(e != null && !e.isExpiredAt(now)
                        ? new Observed(Optional.of(e), Stamp.live(e.version()))
                        : new Observed(Optional.empty(), Stamp.absent(stripes.generation(ks[i]))));
            }
            return out;
        } finally {
            unlockStripes(locked);
        }
    }

    /**
     * Under the stripe locks of every key (ascending): checks each expected stamp, then applies
     * every mutation as one change readers never see half-done.
     */
    @Override
    public long[] commit(List<TxOp> ops) {
        Key[] ks = new Key[ops.size()];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = Key.wrap(ops.get(i).key().key());
        }
        int[] locked = lockStripes(ks);
        try {
            long now = clock.millis();
            boolean writes = false;
            for (int i = 0; i < ks.length; i++) {
                TxOp op = ops.get(i);
                if (op.expected() != null && !matches(dbs.get(op.key().db()), ks[i], op.expected(), now)) {
                    throw new ConflictException(i);
                }
                writes |= op.writes();
            }
            long[] versions = new long[ks.length];
            Arrays.fill(versions, -1);
            if (writes) {
                for (int s : locked) {
                    stripes.beginChange(s);
                }
                try {
                    for (int i = 0; i < ks.length; i++) {
                        TxOp op = ops.get(i);
                        versions[i] = apply(dbs.get(op.key().db()), ks[i], op.mutation(), now);
                    }
                } finally {
                    for (int s : locked) {
                        stripes.endChange(s);
                    }
                }
            }
            return versions;
        } finally {
            unlockStripes(locked);
        }
    }

    /** Whether {@code key} is still as {@code expected}; its stripe lock is held. */
    private boolean matches(Db d, Key key, Stamp expected, long now) {
        Entry e = d.map.get(key);
        boolean live = e != null && !e.isExpiredAt(now);
        if (expected.live()) {
            return live && e.version() == expected.version();
        }
        return !live && stripes.generation(key) == expected.version();
    }

    @Override
    public ScanPage scan(int db, long cursor, int count) {
        if (cursor < 0 || cursor > 0xFFFF_FFFFL) {
            return new ScanPage(0, List.of());
        }
        Db d = dbs.get(db);
        long now = clock.millis();
        int want = Math.max(count, 1);
        // Like Redis, bound the work on a sparse page (many expired keys), but never stop inside
        // a run of equal hashes: the cursor can only point at the start of one.
        long budget = 10L * want;
        List<byte[]> out = new ArrayList<>(Math.min(want, 1024));
        long visited = 0;
        int lastHash = 0;
        for (Key k : d.keys.tailSet(Key.probe((int) cursor), true)) {
            if (visited > 0 && k.hash != lastHash && (out.size() >= want || visited >= budget)) {
                return new ScanPage(k.position(), out);
            }
            visited++;
            lastHash = k.hash;
            Entry e = d.map.get(k);
            if (e != null && !e.isExpiredAt(now)) {
                out.add(k.bytes);
            }
        }
        return new ScanPage(0, out);
    }

    @Override
    public Optional<byte[]> randomKey(int db) {
        Db d = dbs.get(db);
        long now = clock.millis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            Key k = d.keys.ceiling(Key.probe(random.nextInt()));
            if (k == null) {
                k = d.keys.ceiling(Key.probe(0));
                if (k == null) {
                    return Optional.empty();
                }
            }
            Entry e = d.map.get(k);
            if (e != null && !e.isExpiredAt(now)) {
                return Optional.of(k.bytes);
            }
        }
        // Mostly expired keys: walk the index for any live one.
        for (Key k : d.keys) {
            Entry e = d.map.get(k);
            if (e != null && !e.isExpiredAt(now)) {
                return Optional.of(k.bytes);
            }
        }
        return Optional.empty();
    }

    /**
     * Under every stripe lock: a key being reclaimed (by active expiry, or lazily) leaves the map
     * and the expiry counts in separate steps, and a count taken between them was off by one
     * (once seen as keys=0, expires=1). The locks are held for the count of expired instants only.
     */
    @Override
    public KeyspaceStats stats(int db) {
        stripes.lockAll();
        try {
            return statsLocked(dbs.get(db), clock.millis());
        } finally {
            stripes.unlockAll();
        }
    }

    @Override
    public List<KeyspaceStats> statsAll() {
        stripes.lockAll();
        try {
            long now = clock.millis();
            List<KeyspaceStats> all = new ArrayList<>(dbs.length());
            for (int db = 0; db < dbs.length(); db++) {
                all.add(statsLocked(dbs.get(db), now));
            }
            return all;
        } finally {
            stripes.unlockAll();
        }
    }

    private static KeyspaceStats statsLocked(Db d, long now) {
        long expired = d.countExpired(now);
        return new KeyspaceStats(
                Math.max(0, d.map.mappingCount() - expired), Math.max(0, d.expires.sum() - expired));
    }

    @Override
    public void flush(int db) {
        stripes.lockAll();
        try {
            dbs.set(db, new Db());
        } finally {
            stripes.unlockAll();
        }
    }

    @Override
    public void flushAll() {
        stripes.lockAll();
        try {
            stripes.beginChangeAll();
            for (int i = 0; i < dbs.length(); i++) {
                dbs.set(i, new Db());
            }
            stripes.endChangeAll();
        } finally {
            stripes.unlockAll();
        }
    }

    @Override
    public void swap(int db1, int db2) {
        stripes.lockAll();
        try {
            stripes.beginChangeAll();
            Db a = dbs.get(db1);
            Db b = dbs.get(db2);
            if (db1 != db2) {
                // as Redis's touchAllWatchedKeysInDb: every key present in either database counts as
                // changed for a transaction that saw it absent
                a.keys.forEach(stripes::created);
                b.keys.forEach(stripes::created);
            }
            dbs.set(db1, b);
            dbs.set(db2, a);
            stripes.endChangeAll();
        } finally {
            stripes.unlockAll();
        }
    }

    @Override
    public int databases() {
        return dbs.length();
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
        long stored = 0;
        long expired = 0;
        long now = clock.millis();
        for (int i = 0; i < dbs.length(); i++) {
            Db d = dbs.get(i);
            stored += d.map.mappingCount();
            expired += d.countExpired(now);
        }
        return "# Store\r\n"
                + "store:memory\r\n"
                + "stored_keys:" + stored + "\r\n"
                + "stored_keys_expired:" + expired + "\r\n"
                + "expired_keys_reclaimed:" + expiredKeys.sum() + "\r\n"
                + "expire_cycle_milliseconds:" + expireCycleNanos.sum() / 1_000_000 + "\r\n"
                + "dataset_bytes_estimate:" + usedMemoryEstimate() + "\r\n";
    }

    /** Estimated heap bytes held by keys and values of all databases (for INFO memory). */
    public long usedMemoryEstimate() {
        long total = 0;
        for (int i = 0; i < dbs.length(); i++) {
            total += dbs.get(i).bytes.sum();
        }
        return total;
    }

    @Override
    public void close() {
        if (activeExpiry != null) {
            activeExpiry.close();
        }
    }

    /** The background expiry thread, or null when disabled (for tests). */
    ActiveExpiry activeExpiry() {
        return activeExpiry;
    }

    /** Keys physically stored in {@code db}, expired-but-unreclaimed included (for tests). */
    long storedKeys(int db) {
        return dbs.get(db).map.mappingCount();
    }

    /**
     * One active expiry cycle, after Redis's {@code activeExpireCycle}: for each database in turn,
     * sample {@value #EXPIRE_SAMPLE} keys with an expiry (resuming where the last cycle stopped),
     * reclaim the expired ones, and keep sampling that database while more than 25% of a sample was
     * expired. Stops once {@code budgetNanos} is spent. Returns the number of keys reclaimed.
     */
    int expireCycle(long budgetNanos) {
        long start = System.nanoTime();
        try {
            return expireCycle(start, budgetNanos);
        } finally {
            expireCycleNanos.add(System.nanoTime() - start);
        }
    }

    private int expireCycle(long start, long budgetNanos) {
        long now = clock.millis();
        int removed = 0;
        int n = dbs.length();
        for (int i = 0; i < n; i++) {
            int index = (nextExpireDb + i) % n;
            Db d = dbs.get(index);
            while (d.expires.sum() > 0 && d.hasExpired(now)) {
                int sampled = 0;
                int expired = 0;
                Iterator<Key> it = (d.expireCursor == null
                                ? d.volatileKeys
                                : d.volatileKeys.tailSet(d.expireCursor, false))
                        .iterator();
                while (sampled < EXPIRE_SAMPLE && it.hasNext()) {
                    Key k = it.next();
                    d.expireCursor = k;
                    sampled++;
                    Entry e = d.map.get(k);
                    if (e != null && e.isExpiredAt(now) && reclaim(d, k, now)) {
                        expired++;
                    }
                }
                if (!it.hasNext()) {
                    d.expireCursor = null; // wrap around next time
                }
                removed += expired;
                if (System.nanoTime() - start >= budgetNanos) {
                    nextExpireDb = index;
                    return removed;
                }
                if (sampled == 0 || expired * 4 <= sampled) {
                    break;
                }
            }
        }
        nextExpireDb = 0;
        return removed;
    }

    /** Removes {@code k} from {@code d} if it is still expired; true if it did. */
    private boolean reclaim(Db d, Key k, long now) {
        int s = Stripes.of(k);
        stripes.lock(s);
        try {
            Entry e = d.map.get(k);
            if (e != null && e.isExpiredAt(now)) {
                d.remove(k);
                expiredKeys.increment();
                return true;
            }
            return false;
        } finally {
            stripes.unlock(s);
        }
    }

    /** Lazy expiry on read (Redis's expireIfNeeded): drop {@code seen} if it is still stored. */
    private void expireIfStale(int db, Key k, Entry seen) {
        int s = Stripes.of(k);
        stripes.lock(s);
        try {
            Db d = dbs.get(db);
            if (d.map.get(k) == seen) {
                d.remove(k);
                expiredKeys.increment();
            }
        } finally {
            stripes.unlock(s);
        }
    }

    private static Optional<Entry> live(Entry e, long now) {
        return e == null || e.isExpiredAt(now) ? Optional.empty() : Optional.of(e);
    }

    /** Locks the distinct stripes of {@code keys} in ascending order; returns them for unlocking. */
    private int[] lockStripes(Key[] keys) {
        int[] s = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            s[i] = Stripes.of(keys[i]);
        }
        s = Arrays.stream(s).sorted().distinct().toArray();
        for (int stripe : s) {
            stripes.lock(stripe);
        }
        return s;
    }

    private void unlockStripes(int[] locked) {
        for (int i = locked.length - 1; i >= 0; i--) {
            stripes.unlock(locked[i]);
        }
    }
}
