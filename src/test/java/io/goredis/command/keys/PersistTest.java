package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersistTest {

    private final KeysFixture f = new KeysFixture();

    @Test
    void persist_removesExpiry() {
        f.set(0, "k", "v", KeysFixture.NOW + 1000);
        assertEquals(":1", f.run("PERSIST", "k"));
        assertEquals(0, f.expireAt(0, "k"));
        assertEquals(":-1", f.run("TTL", "k"));
        f.clock.advance(5000);
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
