package io.goredis.store.dynamo;

import io.goredis.store.Store;
import io.goredis.store.StoreContractTest;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared {@link Store} contract against DynamoDB Local (in-process, real DynamoDB semantics),
 * each test on an emptied table. The heavy tests are scaled down (every DynamoDB call is a
 * loopback HTTP round trip); their assertions are unchanged. SWAPDB is refused by this store on
 * purpose (see {@link DynamoStore#swap}), so the contract tests that use it are skipped here and
 * the refusal is tested in {@link DynamoStoreIT}.
 */
class DynamoStoreContractIT extends StoreContractTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    protected Store createStore(Clock clock) {
        dynamo.truncate(dynamo.table());
        return dynamo.newStore(clock);
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
