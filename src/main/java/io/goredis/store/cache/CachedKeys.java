package io.goredis.store.cache;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Mutation;
import io.goredis.store.Store;
import io.goredis.store.Updater;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CachingStore}'s reads and writes of keys, single and multi-key:
 *
 * <ul>
 *   <li>{@link #get}, {@link #getAll}: served from the cache; a miss reads through (the delegate's
 *       reads are strongly consistent) and installs what it read.</li>
 *   <li>{@link #put}, {@link #delete}: the delegate commits first, then this node's cache takes the
 *       committed state with its version (read-your-writes). A write that fails (maybe half-done)
 *       drops the key.</li>
 *   <li>{@link #update}, {@link #updateAll}: always run on the delegate, never on cached state
 *       (atomicity across nodes is the table's job); the state their last attempt read and the
 *       mutation it decided are then written back by {@link WriteBack#afterUpdate}.</li>
 * </ul>
 * Each takes its {@link CoherentCache#begin tokens} before calling the delegate.
 */
final class CachedKeys {

    private final Store delegate;
    private final CoherentCache cache;
    private final WriteBack writeBack;
    private final Clock clock;

    CachedKeys(Store delegate, CoherentCache cache, WriteBack writeBack, Clock clock) {
        this.delegate = delegate;
        this.cache = cache;
        this.writeBack = writeBack;
        this.clock = clock;
    }

    Optional<Entry> get(int db, byte[] key) {
        CacheKey k = CacheKey.of(db, key);
        Slot slot = cache.lookup(k);
        if (slot != null) {
            return slot.visibleAt(clock.millis());
        }
        CoherentCache.Token token = cache.begin(k);
        Optional<Entry> read = delegate.get(db, key);
        cache.install(k, token, read.map(writeBack::slot).orElseGet(Slot::absentUnknown));
        return read;
    }

    List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
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
            cache.install(CacheKey.of(db, missKeys.get(i)), tokens.get(i), e.map(writeBack::slot).orElseGet(Slot::absentUnknown));
        }
        return out;
    }

    long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        CacheKey k = CacheKey.of(db, key);
        CoherentCache.Token token = cache.begin(k);
        long version;
        try {
            version = delegate.put(db, key, value, expireAtMillis);
        } catch (RuntimeException e) {
            cache.invalidate(k);
            throw e;
        }
        cache.install(k, token, writeBack.slot(new Entry(value.clone(), expireAtMillis, version)));
        return version;
    }

    boolean delete(int db, byte[] key) {
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

    <R> R update(int db, byte[] key, Updater<R> updater) {
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
        writeBack.afterUpdate(k, token, seen.current, seen.mutation);
        return result;
    }

    <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> updater) {
        List<CacheKey> ks = CacheKey.of(keys);
        List<CoherentCache.Token> tokens = cache.begin(ks);
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
                writeBack.afterUpdate(ks.get(i), tokens.get(i), seen.current.get(i), seen.mutations.get(i));
            }
        }
        return result;
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
}
