package io.goredis.store.cache;

import io.goredis.store.ConflictException;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Observed;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.TxOp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CachingStore}'s transaction primitives, which {@link io.goredis.store.txn.TxView}
 * builds MULTI/EXEC, WATCH and scripts on: {@link #observe} (from memory when the key is cached
 * live, with the table's version as the stamp), {@link #observeAll} (a snapshot from the table)
 * and {@link #commit} (on the table, then written back to this node's cache by
 * {@link WriteBack#afterCommit}). Every read or commit of the table is bracketed by the cache's
 * tokens, taken before the call.
 */
final class CacheTransactions {

    private final Store delegate;
    private final CoherentCache cache;
    private final WriteBack writeBack;
    private final Clock clock;

    CacheTransactions(Store delegate, CoherentCache cache, WriteBack writeBack, Clock clock) {
        this.delegate = delegate;
        this.cache = cache;
        this.writeBack = writeBack;
        this.clock = clock;
    }

    /**
     * A live cached entry is observed from memory (its version is the table's, so the commit checks
     * it); anything else, and everything when {@code fresh}, is read from the table and cached.
     */
    Observed observe(int db, byte[] key, boolean fresh) {
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
        cache.install(k, token, read.entry().map(writeBack::slot).orElseGet(Slot::absentUnknown));
        return read;
    }

    /** A snapshot from the table (the cache is no snapshot), installed in the cache. */
    List<Observed> observeAll(List<KeyRef> keys) {
        List<CacheKey> ks = CacheKey.of(keys);
        List<CoherentCache.Token> tokens = cache.begin(ks);
        List<Observed> read = delegate.observeAll(keys);
        for (int i = 0; i < read.size(); i++) {
            cache.install(ks.get(i), tokens.get(i), read.get(i).entry().map(writeBack::slot).orElseGet(Slot::absentUnknown));
        }
        return read;
    }

    /**
     * Commits on the table; this node's cache then takes every written key at the version the table
     * gave it. A conflict drops the key found changed (its cached state may be what was stale); any
     * other failure drops every key of the transaction.
     */
    long[] commit(List<TxOp> ops) {
        List<CacheKey> keys = CacheKey.of(ops.stream().map(TxOp::key).toList());
        List<CoherentCache.Token> tokens = cache.begin(keys);
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
        writeBack.afterCommit(keys, tokens, ops, versions);
        return versions;
    }
}
