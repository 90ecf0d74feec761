package io.goredis.store.cache;

import io.goredis.store.KeyspaceStats;
import io.goredis.store.ScanPage;
import io.goredis.store.Store;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CachingStore}'s keyspace-wide calls, which the cache does not serve: scans, random
 * keys and counts go straight to the delegate; flushes and swaps go to the delegate and then,
 * whether or not it succeeded, forget every cached key of the databases involved (which also voids
 * every fill in flight, see {@link CoherentCache#invalidateDb}).
 */
final class KeyspacePassThrough {

    private final Store delegate;
    private final CoherentCache cache;

    KeyspacePassThrough(Store delegate, CoherentCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    ScanPage scan(int db, long cursor, int count) {
        return delegate.scan(db, cursor, count);
    }

    Optional<byte[]> randomKey(int db) {
        return delegate.randomKey(db);
    }

    KeyspaceStats stats(int db) {
        return delegate.stats(db);
    }

    List<KeyspaceStats> statsAll() {
        return delegate.statsAll();
    }

    void flush(int db) {
        try {
            delegate.flush(db);
        } finally {
            cache.invalidateDb(db);
        }
    }

    void flushAll() {
        try {
            delegate.flushAll();
        } finally {
            cache.invalidateAll();
        }
    }

    void swap(int db1, int db2) {
        try {
            delegate.swap(db1, db2);
        } finally {
            cache.invalidateDb(db1);
            cache.invalidateDb(db2);
        }
    }
}
