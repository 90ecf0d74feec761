package io.goredis.store.dynamo;

import io.goredis.store.Store;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared {@link Store} contract against DynamoDB Local (in-process, real DynamoDB semantics),
 * each test on an emptied table, scaled down and without SWAPDB ({@link OnDynamoContractTest}); the
 * refusal of SWAPDB is tested in {@link DynamoStoreIT}.
 */
class DynamoStoreContractIT extends OnDynamoContractTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    protected Store createStore(Clock clock) {
        dynamo.truncate(dynamo.table());
        return dynamo.newStore(clock);
    }
}
