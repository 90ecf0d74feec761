package io.goredis.command.hash;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HashWriteCommandsTest} over the DynamoDB store (DynamoDB Local in-process): one conditional put per write. */
class HashWriteCommandsOnDynamoIT extends HashWriteCommandsTest {

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
        return Math.max(1, inMemory / 10);
    }
}
