package io.goredis.command.keys;

import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KeysTest} over the DynamoDB store: KEYS (several table pages), same replies and edge cases. */
class KeysOnDynamoIT extends KeysTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    KeysFixture fixture() {
        return OnDynamo.fixture(dynamo);
    }

    /** Paging over the store's cursors is covered by keys_walksEveryPageOnce; a light run here. */
    @Override
    int manyKeys() {
        return 50;
    }
}
