package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.goredis.store.StoreException;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DbCommandsTest} over the DynamoDB store: RANDOMKEY, DBSIZE, FLUSHDB, FLUSHALL as on the
 * in-memory store. SWAPDB of two different databases is refused by that store on purpose (it
 * would rewrite both databases' items), and the refusal reaches the client as its error.
 */
class DbCommandsOnDynamoIT extends DbCommandsTest {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Override
    KeysFixture fixture() {
        return OnDynamo.fixture(dynamo);
    }

    @Override
    @Test
    void swapdb_exchangesContents() {
        f.set("a", "0");
        StoreException e = assertThrows(StoreException.class, () -> f.run("SWAPDB", "0", "1"));
        assertEquals("ERR SWAPDB is not supported by the DynamoDB store", e.getMessage());
        assertEquals("0", f.get(0, "a"));
    }
}
