package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TypeTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void type_string() {
        f.set("k", "v");
        assertEquals("+string", f.run("TYPE", "k"));
        assertEquals(1, f.hits());
    }

    @Test
    void type_absentKey() {
        assertEquals("+none", f.run("TYPE", "nokey"));
        assertEquals(1, f.misses());
    }

    @Test
    void type_expiredKey() {
        f.set(0, "k", "v", f.now + 5);
        f.clock.advanceMillis(6);
        assertEquals("+none", f.run("TYPE", "k"));
    }
}
