package io.goredis.command.list;

import io.goredis.store.MutableClock;
import io.goredis.store.RetryingStore;
import io.goredis.store.Store;

/**
 * {@link ListCommandsTest} on a memory store that runs every updater twice ({@link RetryingStore}):
 * first on deep copies of the entries, whose decision is thrown away, then for real. Every command
 * must come out the same: the list updaters validate before they change a list, are pure, count no
 * statistics, and change nothing but the values they are handed.
 */
class ListCommandsOnRetryingStoreTest extends ListCommandsTest {

    @Override
    Store newStore(MutableClock clock) {
        return RetryingStore.wrap(super.newStore(clock));
    }
}
