package io.goredis.command.bitmap;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link BitmapCommandsTest} over the DynamoDB store (DynamoDB Local in-process): BITOP's
 * {@code updateAll} becomes one transaction, every other write one conditional put.
 */
class BitmapCommandsOnDynamoIT extends BitmapCommandsTest {

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
