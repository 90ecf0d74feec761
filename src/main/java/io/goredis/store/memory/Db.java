package io.goredis.store.memory;

import io.goredis.store.Entry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * One numbered database of the {@link InMemoryStore}: the key→entry map that serves reads, plus two
 * hash-ordered indexes (all keys, for SCAN and RANDOMKEY; keys with an expiry, for active expiry)
 * and the counters INFO needs.
 *
 * <p>Mutators must be called with the key's stripe lock held, so that map and indexes change
 * together for one key. Readers may read without locks: a key is in the map before it is in the
 * indexes and leaves the map before it leaves them, and scans check the map for every indexed key.
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
        Entry prev = map.put(owned, entry);
        if (prev == null) {
            keys.add(owned);
            bytes.add(ENTRY_OVERHEAD + owned.bytes.length);
        } else {
            bytes.add(-(long) prev.value().length);
        }
        bytes.add(entry.value().length);
        if (entry.hasExpiry()) {
            if (prev == null || !prev.hasExpiry()) {
                volatileKeys.add(owned);
                expires.increment();
                bytes.add(EXPIRY_OVERHEAD);
            }
        } else if (prev != null && prev.hasExpiry()) {
            dropExpiry(owned);
        }
        return prev;
    }

    /** Removes {@code key}; returns the removed entry or null. */
    Entry remove(Key key) {
        Entry prev = map.remove(key);
        if (prev != null) {
            keys.remove(key);
            bytes.add(-(ENTRY_OVERHEAD + key.bytes.length + prev.value().length));
            if (prev.hasExpiry()) {
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

    /** Keys with an expiry that are expired at {@code now} but not reclaimed yet. O(keys with expiry). */
    long countExpired(long now) {
        if (expires.sum() == 0) {
            return 0;
        }
        long n = 0;
        for (Key k : volatileKeys) {
            Entry e = map.get(k);
            if (e != null && e.isExpiredAt(now)) {
                n++;
            }
        }
        return n;
    }
}
