package io.goredis.store.memory;

import io.goredis.store.Entry;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.ScanPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link InMemoryStore}'s operations on whole databases rather than on keys: SCAN and
 * RANDOMKEY (lock-free walks of a database's hash-ordered key index), the key counts of DBSIZE,
 * INFO keyspace and INFO store, and FLUSHDB, FLUSHALL and SWAPDB.
 *
 * <p>The counts and the database replacements run under every stripe lock ({@link Stripes#lockAll});
 * FLUSHALL and SWAPDB also mark every stripe as changing ({@link Stripes#beginChangeAll}) so a
 * lock-free read retries under its lock rather than see them half-done.
 */
final class Databases {

    private final Keyspace keyspace;
    private final Stripes stripes;

    Databases(Keyspace keyspace) {
        this.keyspace = keyspace;
        this.stripes = keyspace.stripes();
    }

    ScanPage scan(int db, long cursor, int count) {
        if (cursor < 0 || cursor > 0xFFFF_FFFFL) {
            return new ScanPage(0, List.of());
        }
        Db d = keyspace.db(db);
        long now = keyspace.now();
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

    Optional<byte[]> randomKey(int db) {
        Db d = keyspace.db(db);
        long now = keyspace.now();
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
    KeyspaceStats stats(int db) {
        stripes.lockAll();
        try {
            return statsLocked(keyspace.db(db), keyspace.now());
        } finally {
            stripes.unlockAll();
        }
    }

    List<KeyspaceStats> statsAll() {
        stripes.lockAll();
        try {
            long now = keyspace.now();
            int n = keyspace.databases();
            List<KeyspaceStats> all = new ArrayList<>(n);
            for (int db = 0; db < n; db++) {
                all.add(statsLocked(keyspace.db(db), now));
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

    /** Keys physically held by every database, expired ones not yet reclaimed included. */
    long storedKeys() {
        long stored = 0;
        for (int i = 0; i < keyspace.databases(); i++) {
            stored += keyspace.db(i).map.mappingCount();
        }
        return stored;
    }

    /** Keys held by every database that are expired at {@code now} but not reclaimed yet. */
    long storedExpired(long now) {
        long expired = 0;
        for (int i = 0; i < keyspace.databases(); i++) {
            expired += keyspace.db(i).countExpired(now);
        }
        return expired;
    }

    /** Estimated heap bytes held by keys and values of all databases. */
    long usedMemoryEstimate() {
        long total = 0;
        for (int i = 0; i < keyspace.databases(); i++) {
            total += keyspace.db(i).bytes.sum();
        }
        return total;
    }

    void flush(int db) {
        stripes.lockAll();
        try {
            keyspace.setDb(db, new Db());
        } finally {
            stripes.unlockAll();
        }
    }

    void flushAll() {
        stripes.lockAll();
        try {
            stripes.beginChangeAll();
            for (int i = 0; i < keyspace.databases(); i++) {
                keyspace.setDb(i, new Db());
            }
            stripes.endChangeAll();
        } finally {
            stripes.unlockAll();
        }
    }

    void swap(int db1, int db2) {
        stripes.lockAll();
        try {
            stripes.beginChangeAll();
            Db a = keyspace.db(db1);
            Db b = keyspace.db(db2);
            if (db1 != db2) {
                // as Redis's touchAllWatchedKeysInDb: every key present in either database counts as
                // changed for a transaction that saw it absent
                a.keys.forEach(stripes::created);
                b.keys.forEach(stripes::created);
            }
            keyspace.setDb(db1, b);
            keyspace.setDb(db2, a);
            stripes.endChangeAll();
        } finally {
            stripes.unlockAll();
        }
    }
}
