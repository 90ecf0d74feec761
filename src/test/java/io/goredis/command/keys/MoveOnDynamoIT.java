package io.goredis.command.keys;

import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MoveTest} over the DynamoDB store: MOVE (across databases, one transaction), same replies and edge cases. */
class MoveOnDynamoIT extends MoveTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    KeysFixture fixture() {
        return OnDynamo.fixture(dynamo);
    }
}
