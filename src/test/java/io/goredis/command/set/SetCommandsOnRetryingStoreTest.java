package io.goredis.command.set;

import io.goredis.store.MutableClock;
import io.goredis.store.RetryingStore;
import io.goredis.store.Store;

/**
 * {@link SetCommandsTest} on a memory store that runs every updater twice, as an optimistic store
 * does after a lost race ({@link RetryingStore}): first on deep copies of the entries, whose
 * decision is thrown away, then for real. Every command must come out the same: updaters are pure,
 * count no statistics, and change nothing but the values they are handed.
 */
class SetCommandsOnRetryingStoreTest extends SetCommandsTest {

    @Override
    Store newStore(MutableClock clock) {
        return RetryingStore.wrap(super.newStore(clock));
    }
}
