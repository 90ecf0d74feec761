package io.goredis.store.cache;

import io.goredis.store.Store;
import io.goredis.store.StoreContractTest;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared {@link Store} contract on the caching store over DynamoDB Local, with a live stream
 * poller (its own writes come back through the stream). Scaled down like the DynamoDB store's run;
 * SWAPDB is refused by the DynamoDB store, so the tests that need it are skipped here too.
 */
class CachingStoreContractIT extends StoreContractTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    protected Store createStore(Clock clock) {
        dynamo.truncate(dynamo.table());
        return CacheNodes.node(dynamo.client(), dynamo.newStreamsClient(), dynamo.table(), clock, CachingStore.DEFAULT_MAX_BYTES);
    }

    @Override
    protected int concurrentClients() {
        return 10;
    }

    @Override
    protected int incrementsPerClient() {
        return 20;
    }

    @Override
    protected int largeValueBytes() {
        return 390 * 1024;
    }

    @Override
    protected int scanStableKeys() {
        return 300;
    }

    @Override
    protected boolean supportsSwap() {
        return false;
    }
}
