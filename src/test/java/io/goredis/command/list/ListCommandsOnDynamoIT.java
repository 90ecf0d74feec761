package io.goredis.command.list;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ListCommandsTest} over the DynamoDB store (DynamoDB Local in-process): each list is one
 * item, every single-key write one conditional put, LMOVE and LMPOP over several keys one
 * transaction (or one TransactGetItems when nothing is popped).
 */
class ListCommandsOnDynamoIT extends ListCommandsTest {

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
