package io.goredis.command.set;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import io.goredis.store.dynamo.DynamoStore;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SetConcurrencyTest} on two DynamoStores, each with its own SDK clients as two goredis
 * nodes would have, on one DynamoDB Local table; participants alternate between them. SPOP and
 * SADD are conditional puts that lose races and retry, SMOVE and the STORE forms transactions.
 */
class SetConcurrencyOnDynamoIT extends SetConcurrencyTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    long startMillis() {
        return System.currentTimeMillis() / 1000 * 1000;
    }

    @Override
    List<Store> newStores(MutableClock clock) {
        dynamo.truncate(dynamo.table());
        return List.of(DynamoStore.open(dynamo.settings(), clock), DynamoStore.open(dynamo.settings(), clock));
    }

    @Override
    int scaled(int inMemory) {
        return inMemory / 10;
    }
}
