package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExistsTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void exists_countsRepeats() {
        f.set("k", "v");
        // redis-server 7.0: EXISTS k nokey k -> :2, keyspace_hits +2, keyspace_misses +1
        assertEquals(":2", f.run("EXISTS", "k", "nokey", "k"));
        assertEquals(2, f.hits());
        assertEquals(1, f.misses());
    }

    @Test
    void exists_sameKeyManyTimes() {
        f.set("k", "v");
        assertEquals(":3", f.run("EXISTS", "k", "k", "k"));
        assertEquals(":0", f.run("EXISTS", "x", "x"));
        assertEquals(3, f.hits());
        assertEquals(2, f.misses());
    }

    @Test
    void exists_absentKey() {
        assertEquals(":0", f.run("EXISTS", "nokey"));
        assertEquals(1, f.misses());
    }

    @Test
    void exists_expiredKeyIsAbsent() {
        f.set(0, "k", "v", f.now + 1000);
        assertEquals(":1", f.run("EXISTS", "k"));
        f.clock.advanceMillis(1000);
        assertEquals(":1", f.run("EXISTS", "k")); // expires once now > expiry
        f.clock.advanceMillis(1);
        assertEquals(":0", f.run("EXISTS", "k"));
    }

    @Test
    void exists_binaryKey() {
        byte[] key = {0, '\r', '\n', (byte) 0xff};
        f.store.put(0, key, new byte[] {1}, 0);
        assertEquals(":1", f.runBytes(KeysFixture.bytes("EXISTS"), key));
    }

    @Test
    void touch_countsLiveKeysAndHits() {
        f.set("k", "v");
        // redis-server 7.0: TOUCH k nokey -> :1, hits +1, misses +1
        assertEquals(":1", f.run("TOUCH", "k", "nokey"));
        assertEquals(":2", f.run("TOUCH", "k", "k"));
        assertEquals(3, f.hits());
        assertEquals(1, f.misses());
    }
}
