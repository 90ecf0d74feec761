package io.goredis.command.bitmap;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BitmapConcurrencyTest} over the DynamoDB store: conditional writes and transactions. */
class BitmapConcurrencyOnDynamoIT extends BitmapConcurrencyTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    long startMillis() {
        return System.currentTimeMillis() / 1000 * 1000;
    }

    @Override
    Store newStore(MutableClock clock) {
        dynamo.truncate(dynamo.table());
        return dynamo.newStore(clock);
    }

    @Override
    int perThread(int inMemory) {
        return inMemory / 30;
    }
}
