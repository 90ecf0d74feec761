package io.goredis.command.keys;

import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DelTest} over the DynamoDB store: DEL and UNLINK, same replies and edge cases. */
class DelOnDynamoIT extends DelTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    KeysFixture fixture() {
        return OnDynamo.fixture(dynamo);
    }
}
