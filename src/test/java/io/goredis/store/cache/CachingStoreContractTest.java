package io.goredis.store.cache;

import io.goredis.store.Store;
import io.goredis.store.StoreContractTest;
import io.goredis.store.memory.InMemoryStore;
import java.time.Clock;

/** The Store contract on a caching store over the in-memory store (a single node: no change feed needed). */
class CachingStoreContractTest extends StoreContractTest {

    @Override
    protected Store createStore(Clock clock) {
        return new CachingStore(new InMemoryStore(clock), ChangeSource.none(), CachingStore.DEFAULT_MAX_BYTES, clock);
    }
}
