package io.goredis.command.string;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LcsTest} over the DynamoDB store: the same replies, errors and edge cases. */
class LcsOnDynamoIT extends LcsTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    long startMillis() {
        return OnDynamo.startMillis();
    }

    @Override
    Store newStore(MutableClock clock) {
        return OnDynamo.store(dynamo, clock);
    }
}
