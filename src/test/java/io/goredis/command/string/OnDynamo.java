package io.goredis.command.string;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;

/**
 * How the {@code *OnDynamoIT} classes rerun a string command test class over the DynamoDB store
 * (DynamoDB Local in-process): each test starts on an emptied table, at the current time (so the
 * items' TTL attribute never looks stale to DynamoDB Local's sweeper).
 */
final class OnDynamo {

    private OnDynamo() {}

    static long startMillis() {
        return System.currentTimeMillis() / 1000 * 1000;
    }

    static Store store(DynamoDbLocalExtension dynamo, MutableClock clock) {
        dynamo.truncate(dynamo.table());
        return dynamo.newStore(clock);
    }
}
