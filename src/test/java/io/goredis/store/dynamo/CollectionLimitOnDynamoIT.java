package io.goredis.store.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.StoreException;
import io.goredis.store.value.HashValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hash is one item: the write that would take its encoded value past DynamoDB's 400 KB item
 * limit is refused with the limit named, before anything is written, and the hash stays as it was.
 */
class CollectionLimitOnDynamoIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hashPastTheItemLimit_refusedAndUnchanged() {
        dynamo.truncate(dynamo.table());
        try (DynamoStore store = dynamo.newStore(Clock.systemUTC())) {
            byte[] value = new byte[1000];
            store.update(0, b("big"), cur -> {
                HashValue h = new HashValue();
                for (int i = 0; i < 390; i++) {          // ~390 KB encoded: fits
                    h.put(b("f" + i), value);
                }
                return Decision.put(h, Entry.NO_EXPIRY, null);
            });
            StoreException e = assertThrows(StoreException.class, () -> store.update(0, b("big"), cur -> {
                HashValue h = (HashValue) cur.orElseThrow().value();
                for (int i = 390; i < 420; i++) {        // past 400 KB
                    h.put(b("f" + i), value);
                }
                return Decision.put(h, Entry.NO_EXPIRY, null);
            }));
            assertEquals("ERR value too large for the DynamoDB store (max 400 KB item)", e.getMessage());
            assertEquals(390L, (long) store.read(0, b("big"), x -> x.orElseThrow().value().size()));
        }
    }
}
