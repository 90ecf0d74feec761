package io.goredis.command.list;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import io.goredis.store.dynamo.DynamoStore;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ListConcurrencyTest} on two DynamoStores, each with its own SDK clients as two goredis
 * nodes would have, on one DynamoDB Local table; participants alternate between them. Pushes and
 * pops are conditional puts that lose races and retry, LMOVE a transaction.
 */
class ListConcurrencyOnDynamoIT extends ListConcurrencyTest {

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
