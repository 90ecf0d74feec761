package io.goredis.store.memory;

import io.goredis.store.Entry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

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
    /**
     * No stored key expires before this: a lower bound, lowered by every write with an expiry and
     * raised only by {@link #countExpired}'s recount. Lets stats and active expiry skip the work
     * while nothing can have expired yet.
     */
    private final AtomicLong earliestExpiry = new AtomicLong(Long.MAX_VALUE);
    /** Lowest expiry written while a recount runs; folded into the recount's result. */
    private final AtomicLong recountPending = new AtomicLong(Long.MAX_VALUE);
    private final ReentrantLock recount = new ReentrantLock();
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
            bytes.add(ENTRY_OVERHEAD + owned.bytes.length + entry.value().length);
        } else if (prev.value().length != entry.value().length) {
            bytes.add(entry.value().length - (long) prev.value().length);
        }
        if (entry.hasExpiry()) {
            if (prev == null || !prev.hasExpiry()) {
                volatileKeys.add(owned);
                expires.increment();
                bytes.add(EXPIRY_OVERHEAD);
            }
            // After the map and index hold the entry: a recount either sees it or sees this note.
            lowerTo(recountPending, entry.expireAtMillis());
            lowerTo(earliestExpiry, entry.expireAtMillis());
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

    /** False when no stored key can be expired at {@code now}: nothing to count or reclaim. */
    boolean mayHaveExpired(long now) {
        return now > earliestExpiry.get();
    }

    /**
     * Keys with an expiry that are expired at {@code now} but not reclaimed yet: O(1) while nothing
     * can have expired, else a walk of the keys with an expiry that also recomputes the bound.
     */
    long countExpired(long now) {
        if (!mayHaveExpired(now)) {
            return 0;
        }
        boolean recounting = recount.tryLock(); // one recount at a time; others just count
        try {
            if (recounting) {
                recountPending.set(Long.MAX_VALUE);
            }
            long n = 0;
            long min = Long.MAX_VALUE;
            for (Key k : volatileKeys) {
                Entry e = map.get(k);
                if (e != null && e.hasExpiry()) {
                    min = Math.min(min, e.expireAtMillis());
                    if (e.isExpiredAt(now)) {
                        n++;
                    }
                }
            }
            if (recounting) {
                // Writes the walk missed noted their expiry in recountPending, before or after this
                // set: fold it in now, and a later note lowers earliestExpiry itself.
                earliestExpiry.set(Math.min(min, recountPending.get()));
                lowerTo(earliestExpiry, recountPending.get());
            }
            return n;
        } finally {
            if (recounting) {
                recount.unlock();
            }
        }
    }

    private static void lowerTo(AtomicLong a, long value) {
        long cur;
        while (value < (cur = a.get()) && !a.compareAndSet(cur, value)) {
            // retry: another writer changed it
        }
    }
}
