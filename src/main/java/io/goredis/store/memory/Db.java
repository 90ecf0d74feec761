package io.goredis.store.memory;

import io.goredis.store.Entry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * One numbered database of the {@link InMemoryStore}: the key→entry map that serves reads, two
 * hash-ordered indexes (all keys, for SCAN and RANDOMKEY; keys with an expiry, for active expiry),
 * a histogram of expiry instants (so stats can leave out expired keys without visiting them) and
 * the counters INFO needs.
 *
 * <p>Mutators must be called with the key's stripe lock held, so that map, indexes and histogram
 * change together for one key. Readers may read without locks: a key is in the map before it is in
 * the indexes and leaves the map before it leaves them, and scans check the map for every indexed
 * key.
 */
final class Db {

    /** Rough heap cost of one entry beyond its key and value bytes: map node, Key, Entry, index node. */
    static final long ENTRY_OVERHEAD = 160;
    /** Extra cost of a key with an expiry (node in the expiry index). */
    static final long EXPIRY_OVERHEAD = 48;

    final ConcurrentHashMap<Key, Entry> map = new ConcurrentHashMap<>();
    /** Every stored key, in (hash, bytes) order: the scan cursor walks this. */
    final ConcurrentSkipListSet<Key> keys = new ConcurrentSkipListSet<>();
    /** Stored keys that carry an expiry, in the same order: active expiry samples this. */
    final ConcurrentSkipListSet<Key> volatileKeys = new ConcurrentSkipListSet<>();
    /**
     * Expiry instant → number of stored keys expiring then. Counting expired keys sums the head of
     * this map: as many steps as distinct expired instants, not as many as keys (1M keys set with
     * EX 1 within a few seconds share a few thousand instants).
     */
    private final ConcurrentSkipListMap<Long, Long> expiryCounts = new ConcurrentSkipListMap<>();
    /** Number of stored keys with an expiry (expired but not yet reclaimed ones included). */
    final LongAdder expires = new LongAdder();
    /** Estimated heap bytes held by this database's entries. */
    final LongAdder bytes = new LongAdder();
    /** Where active expiry resumes in {@link #volatileKeys}; touched only by the expiry cycle. */
    Key expireCursor;

    /**
     * Stores {@code entry} under {@code owned} (a key whose array nobody else holds). If the key is
     * already present the map keeps its existing Key object. Returns the previous entry.
     */
    Entry put(Key owned, Entry entry) {
        return put(owned, entry, -1);
    }

    /**
     * As {@link #put(Key, Entry)}; {@code weightBefore} is the previous value's weight when an
     * updater changed that value in place (so it cannot be measured now), or -1 to measure it.
     */
    Entry put(Key owned, Entry entry, long weightBefore) {
        Entry prev = map.put(owned, entry);
        long after = entry.value().weight();
        if (prev == null) {
            keys.add(owned);
            bytes.add(ENTRY_OVERHEAD + owned.bytes.length + after);
        } else {
            long before = weightBefore >= 0 ? weightBefore : prev.value().weight();
            if (before != after) {
                bytes.add(after - before);
            }
        }
        long expiryBefore = prev == null ? Entry.NO_EXPIRY : prev.expireAtMillis();
        long expiryAfter = entry.expireAtMillis();
        if (expiryBefore != expiryAfter) {
            if (expiryBefore == Entry.NO_EXPIRY) {
                volatileKeys.add(owned);
                expires.increment();
                bytes.add(EXPIRY_OVERHEAD);
            } else {
                uncount(expiryBefore);
            }
            if (expiryAfter == Entry.NO_EXPIRY) {
                dropExpiry(owned);
            } else {
                expiryCounts.merge(expiryAfter, 1L, Long::sum);
            }
        }
        return prev;
    }

    /** Removes {@code key}; returns the removed entry or null. */
    Entry remove(Key key) {
        Entry prev = map.remove(key);
        if (prev != null) {
            keys.remove(key);
            bytes.add(-(ENTRY_OVERHEAD + key.bytes.length + prev.value().weight()));
            if (prev.hasExpiry()) {
                uncount(prev.expireAtMillis());
                dropExpiry(key);
            }
        }
        return prev;
    }

    private void dropExpiry(Key key) {
        volatileKeys.remove(key);
        expires.decrement();
        bytes.add(-EXPIRY_OVERHEAD);
    }

    private void uncount(long expireAt) {
        expiryCounts.computeIfPresent(expireAt, (at, n) -> n == 1 ? null : n - 1);
    }

    /** False when no stored key is expired at {@code now}: nothing to count or reclaim. */
    boolean hasExpired(long now) {
        Map.Entry<Long, Long> first = expiryCounts.firstEntry();
        return first != null && now > first.getKey();
    }

    /** Stored keys that are expired at {@code now} (not reclaimed yet). */
    long countExpired(long now) {
        long n = 0;
        // isExpiredAt: expired once now > expireAt
        for (long c : expiryCounts.headMap(now, false).values()) {
            n += c;
        }
        return n;
    }
}
