package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersistTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void persist_removesExpiry() {
        f.set(0, "k", "v", f.now + 1000);
        assertEquals(":1", f.run("PERSIST", "k"));
        assertEquals(0, f.expireAt(0, "k"));
        assertEquals(":-1", f.run("TTL", "k"));
        f.clock.advanceMillis(5000);
        assertEquals("v", f.get(0, "k"));
    }

    @Test
    void persist_noExpiry() {
        f.set("k", "v");
        assertEquals(":0", f.run("PERSIST", "k"));
    }

    @Test
    void persist_absentKey() {
        assertEquals(":0", f.run("PERSIST", "nokey"));
        assertEquals(0, f.hits() + f.misses());
    }
}
