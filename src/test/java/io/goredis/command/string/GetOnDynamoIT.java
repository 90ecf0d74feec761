package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GetTest} over the DynamoDB store: the same replies, errors and edge cases. */
class GetOnDynamoIT extends GetTest {

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

    @Override
    @Test
    void get_valueOfSeveralMegabytes() {
        // DynamoDB caps an item at 400 KB: refused before anything is written.
        List<byte[]> argv = List.of(b("SET"), b("big"), new byte[5 * 1024 * 1024]);
        StoreException e = assertThrows(StoreException.class, () -> ctx.run(argv));
        assertEquals("ERR value too large for the DynamoDB store (max 400 KB item)", e.getMessage());
        assertEquals(-2, expireAt("big"));
    }
}
