package io.goredis.command.keys;

import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PersistTest} over the DynamoDB store: PERSIST, same replies and edge cases. */
class PersistOnDynamoIT extends PersistTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    KeysFixture fixture() {
        return OnDynamo.fixture(dynamo);
    }
}
