package io.goredis.command.keys;

import io.goredis.store.dynamo.DynamoDbLocalExtension;

/**
 * How the {@code *OnDynamoIT} classes rerun a keyspace test class over the DynamoDB store
 * (DynamoDB Local in-process): each test starts on an emptied table, at the current time, so no
 * item's TTL attribute is already in the past for DynamoDB Local's sweeper.
 */
final class OnDynamo {

    private OnDynamo() {}

    static KeysFixture fixture(DynamoDbLocalExtension dynamo) {
        dynamo.truncate(dynamo.table());
        return new KeysFixture(System.currentTimeMillis(), dynamo::newStore);
    }
}
