package io.goredis.command.hash;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import io.goredis.store.dynamo.DynamoStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link HashConcurrencyTest} over DynamoDB Local with two nodes: two DynamoStores, each with its
 * own SDK clients, on one table, so every write is a conditional put that may lose to the other
 * node and retry its updater on fresh state.
 */
class HashConcurrencyOnDynamoIT extends HashConcurrencyTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    long startMillis() {
        return System.currentTimeMillis() / 1000 * 1000;
    }

    @Override
    Store newStore(MutableClock clock) {
        dynamo.truncate(dynamo.table());
        return DynamoStore.open(dynamo.settings(), clock);
    }

    @Override
    Store secondNode(MutableClock clock, Store first) {
        return DynamoStore.open(dynamo.settings(), clock);
    }

    @Override
    int perThread(int inMemory) {
        return inMemory / 20;
    }
}
