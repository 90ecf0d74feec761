package io.goredis.command.set;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SetCommandsTest} over the DynamoDB store (DynamoDB Local in-process): each set is one
 * item, every single-key write one conditional put, SMOVE and the STORE forms one transaction, and
 * the multi-key reads one TransactGetItems.
 */
class SetCommandsOnDynamoIT extends SetCommandsTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    long startMillis() {
        return System.currentTimeMillis() / 1000 * 1000; // items' TTL attribute never looks stale
    }

    @Override
    Store newStore(MutableClock clock) {
        dynamo.truncate(dynamo.table());
        return dynamo.newStore(clock);
    }

    @Override
    int rounds(int inMemory) {
        return inMemory / 20;
    }
}
