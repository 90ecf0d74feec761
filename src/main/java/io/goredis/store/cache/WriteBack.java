package io.goredis.store.cache;

import io.goredis.store.Entry;
import io.goredis.store.Mutation;
import io.goredis.store.Store;
import io.goredis.store.TxOp;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link CachingStore}'s cache takes once the delegate has answered: the slot it caches
 * for an entry (copied when the delegate shares live values), and the state it installs after an
 * atomic update or a transaction committed, with the version it ranks at. Used by
 * {@link CachedKeys} and {@link CacheTransactions}.
 *
 * <p>Every caller brackets its call to the delegate with the cache's tokens: it takes
 * {@link CoherentCache#begin} for each key <em>before</em> calling the delegate, then
 * {@link CoherentCache#install}s with that token what the delegate read or committed (so a stream
 * event that arrived meanwhile is never overtaken, see {@link CoherentCache}), or
 * {@link CoherentCache#invalidate}s the key when the call failed, maybe half-done.
 */
final class WriteBack {

    private final Store delegate;
    private final CoherentCache cache;

    WriteBack(Store delegate, CoherentCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    /**
     * The slot caching {@code entry}: its own copy of a collection when the delegate may change the
     * delegate's value in place later ({@link Store#sharesLiveValues}); as is otherwise (DynamoDB
     * hands out freshly decoded values, and an updater's value is handed over on commit).
     */
    Slot slot(Entry entry) {
        return Slot.of(delegate.sharesLiveValues()
                ? new Entry(entry.value().copy(), entry.expireAtMillis(), entry.version())
                : entry);
    }

    /**
     * Write-back after an atomic update committed {@code mutation} on top of {@code observed} (the
     * state its last, successful attempt read). The delegate does not return the new version, but a
     * committed conditional write is the immediate successor of the state it read, so its rank is at
     * least one version above {@code observed}: any later change ranks higher, any earlier one lower.
     * From an absent or expired state we know no version, so we drop the key instead.
     */
    void afterUpdate(CacheKey k, CoherentCache.Token token, Optional<Entry> observed, Mutation mutation) {
        if (mutation == null) {
            cache.invalidate(k);
            return;
        }
        switch (mutation) {
            case Mutation.Keep keep ->
                    cache.install(k, token, observed.map(this::slot).orElseGet(Slot::absentUnknown));
            case Mutation.Delete delete ->
                    cache.install(k, token, observed.map(e -> Slot.absentAfter(e.version())).orElseGet(Slot::absentUnknown));
            case Mutation.Put put -> {
                if (observed.isPresent()) {
                    long atLeast = observed.get().version() + 1;
                    cache.install(k, token, slot(new Entry(put.value(), put.expireAtMillis(), atLeast)));
                } else {
                    cache.invalidate(k);
                }
            }
        }
    }

    /**
     * Write-back after {@link Store#commit} applied {@code ops}: every written key at the version the
     * table gave it ({@code versions[i]}); where it gave none ({@code -1}: a delete of an absent key,
     * or a store that does not version deletes) the key is cached as an unversioned absence. Keys
     * only checked keep what is cached. A commit that failed installs nothing: its caller drops keys
     * instead (see {@link CacheTransactions#commit}).
     */
    void afterCommit(List<CacheKey> keys, List<CoherentCache.Token> tokens, List<TxOp> ops, long[] versions) {
        for (int i = 0; i < ops.size(); i++) {
            switch (ops.get(i).mutation()) {
                case Mutation.Keep keep -> { }
                case Mutation.Put put -> cache.install(keys.get(i), tokens.get(i), versions[i] < 0
                        ? Slot.absentUnknown()
                        : slot(new Entry(put.value(), put.expireAtMillis(), versions[i])));
                case Mutation.Delete delete -> cache.install(keys.get(i), tokens.get(i),
                        versions[i] < 0 ? Slot.absentUnknown() : Slot.absentAfter(versions[i]));
            }
        }
    }
}
