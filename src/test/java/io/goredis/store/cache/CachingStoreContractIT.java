package io.goredis.store.cache;

import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import io.goredis.store.dynamo.OnDynamoContractTest;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared {@link Store} contract on the caching store over DynamoDB Local, with a live stream
 * poller (its own writes come back through the stream). Scaled down, and without SWAPDB, like the
 * DynamoDB store's run ({@link OnDynamoContractTest}).
 */
class CachingStoreContractIT extends OnDynamoContractTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    protected Store createStore(Clock clock) {
        dynamo.truncate(dynamo.table());
        return CacheNodes.node(dynamo.client(), dynamo.newStreamsClient(), dynamo.table(), clock, CachingStore.DEFAULT_MAX_BYTES);
    }
}
