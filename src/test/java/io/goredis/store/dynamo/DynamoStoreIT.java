package io.goredis.store.dynamo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.ScanPage;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DynamoStore specifics against DynamoDB Local: layout, tombstones, versions, scans. */
class DynamoStoreIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private DynamoStore store;

    @BeforeEach
    void setUp() {
        store = dynamo.newStore(Clock.systemUTC());
        store.flushAll();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void put_thenGet_roundTrips() {
        long v = store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        Optional<Entry> e = store.get(0, b("k"));
        assertTrue(e.isPresent());
        assertArrayEquals(b("v"), e.get().bytes());
        assertEquals(v, e.get().version());
    }

    @Test
    void emptyKey_works() {
        store.put(3, new byte[0], b("x"), Entry.NO_EXPIRY);
        assertArrayEquals(b("x"), store.get(3, new byte[0]).orElseThrow().bytes());
        assertTrue(store.get(0, new byte[0]).isEmpty());
    }

    @Test
    void delete_thenRecreate_versionKeepsGrowing() {
        long v1 = store.put(0, b("k"), b("1"), Entry.NO_EXPIRY);
        assertTrue(store.delete(0, b("k")));
        assertFalse(store.delete(0, b("k")));
        assertTrue(store.get(0, b("k")).isEmpty());
        long v2 = store.put(0, b("k"), b("2"), Entry.NO_EXPIRY);
        assertTrue(v2 > v1 + 1, v2 + " > " + v1);
        long v3 = store.update(0, b("k"), cur -> Decision.put(b("3"), Entry.NO_EXPIRY, 0L))
                + store.get(0, b("k")).orElseThrow().version();
        assertTrue(v3 > v2);
    }

    @Test
    void scan_stats_randomKey_flush() {
        Set<String> want = new HashSet<>();
        for (int i = 0; i < 57; i++) {
            store.put(1, b("key" + i), b("v"), i % 2 == 0 ? Entry.NO_EXPIRY : System.currentTimeMillis() + 100_000);
            want.add("key" + i);
        }
        store.put(2, b("other"), b("v"), Entry.NO_EXPIRY);
        store.put(1, b("gone"), b("v"), 1);
        store.delete(1, b("key0"));
        want.remove("key0");
        Set<String> got = new HashSet<>();
        long cursor = 0;
        do {
            ScanPage page = store.scan(1, cursor, 10);
            page.keys().forEach(k -> got.add(new String(k, UTF_8)));
            cursor = page.nextCursor();
        } while (cursor != 0);
        assertEquals(want, got);
        assertEquals(new KeyspaceStats(56, 28), store.stats(1));
        assertTrue(want.contains(new String(store.randomKey(1).orElseThrow(), UTF_8)));
        assertEquals("other", new String(store.randomKey(2).orElseThrow(), UTF_8));
        assertTrue(store.randomKey(5).isEmpty());
        store.flush(1);
        assertEquals(new KeyspaceStats(0, 0), store.stats(1));
        assertEquals(new KeyspaceStats(1, 0), store.stats(2));
    }
}
