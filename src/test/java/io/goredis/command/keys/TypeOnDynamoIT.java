package io.goredis.command.keys;

import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TypeTest} over the DynamoDB store: TYPE, same replies and edge cases. */
class TypeOnDynamoIT extends TypeTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    KeysFixture fixture() {
        return OnDynamo.fixture(dynamo);
    }
}
