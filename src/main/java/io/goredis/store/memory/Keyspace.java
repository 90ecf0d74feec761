package io.goredis.store.memory;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Mutation;
import io.goredis.store.Updater;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The key/value core of the {@link InMemoryStore}: the databases ({@link Db}), the {@link Stripes}
 * that guard them, the clock expiry is judged by, and the reads and writes of keys, single and
 * multi-key, down to applying one {@link Mutation} and its weight accounting. The store's other
 * parts ({@link MemoryTransactions}, {@link Databases}, {@link ActiveExpiry}) work on the same
 * databases through the accessors and locking helpers here.
 *
 * <ul>
 *   <li><b>Writes</b> hold the key's stripe lock; versions are taken from the stripe's counter under
 *       it. A multi-key write locks its stripes in ascending order and brackets its changes with
 *       {@link Stripes#beginChange}/{@link Stripes#endChange}, so that lock-free readers never see
 *       it half-applied.</li>
 *   <li><b>Reads</b> ({@link #get}) take no lock unless {@link Stripes#unchanged} says a multi-key
 *       change ran meanwhile; then they read again under the lock.</li>
 *   <li><b>Weights</b>: an updater may change a collection value in place, so the stored value is
 *       weighed <em>before</em> the updater runs and that weight is handed to {@link Db#put}.</li>
 * </ul>
 */
final class Keyspace {

    private final Clock clock;
    private final AtomicReferenceArray<Db> dbs;
    private final Stripes stripes = new Stripes();
    /** Keys reclaimed because they expired, by active expiry or on access (Redis's expired_keys). */
    private final LongAdder expiredKeys = new LongAdder();

    Keyspace(Clock clock, int databases) {
        this.clock = clock;
        this.dbs = new AtomicReferenceArray<>(databases);
        for (int i = 0; i < databases; i++) {
            dbs.set(i, new Db());
        }
    }

    // ---------------------------------------------------------------- shared state

    long now() {
        return clock.millis();
    }

    Stripes stripes() {
        return stripes;
    }

    int databases() {
        return dbs.length();
    }

    /** The current {@link Db} of index {@code db} (FLUSHDB and SWAPDB replace it). */
    Db db(int db) {
        return dbs.get(db);
    }

    /** Installs {@code d} as database {@code db}; every stripe lock is held. */
    void setDb(int db, Db d) {
        dbs.set(db, d);
    }

    /** Keys reclaimed so far because they expired (lazily or by active expiry). */
    long expiredKeys() {
        return expiredKeys.sum();
    }

    // ---------------------------------------------------------------- reads

    Optional<Entry> get(int db, byte[] key) {
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
    <R> R read(int db, byte[] key, Function<Optional<Entry>, R> reader) {
        Key k = Key.wrap(key);
        int s = Stripes.of(k);
        stripes.lock(s);
        try {
            return reader.apply(live(dbs.get(db).map.get(k), clock.millis()));
        } finally {
            stripes.unlock(s);
        }
    }

    List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
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

    // ---------------------------------------------------------------- writes

    long put(int db, byte[] key, byte[] value, long expireAtMillis) {
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

    boolean delete(int db, byte[] key) {
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

    <R> R update(int db, byte[] key, Updater<R> updater) {
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

    <R> R updateAll(List<KeyRef> refs, MultiUpdater<R> updater) {
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
     * caller's array: it is copied before anything keeps it. Returns the put's version, or -1 for a
     * keep or a delete.
     */
    long apply(Db d, Key key, Mutation mutation, long now) {
        return apply(d, key, mutation, now, -1);
    }

    /** As above; {@code weightBefore} as {@link Db#put(Key, Entry, long)}. */
    long apply(Db d, Key key, Mutation mutation, long now, long weightBefore) {
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

    // ---------------------------------------------------------------- expiry

    /** Removes {@code k} from {@code d} if it is still expired (active expiry); true if it did. */
    boolean reclaim(Db d, Key k, long now) {
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

    // ---------------------------------------------------------------- helpers

    static Optional<Entry> live(Entry e, long now) {
        return e == null || e.isExpiredAt(now) ? Optional.empty() : Optional.of(e);
    }

    /** Locks the distinct stripes of {@code keys} in ascending order; returns them for unlocking. */
    int[] lockStripes(Key[] keys) {
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

    void unlockStripes(int[] locked) {
        for (int i = locked.length - 1; i >= 0; i--) {
            stripes.unlock(locked[i]);
        }
    }
}
