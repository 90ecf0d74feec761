package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MoveTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void move_movesValueAndTtl() {
        f.set(0, "k", "v", f.now + 5000);
        assertEquals(":1", f.run("MOVE", "k", "3"));
        assertNull(f.get(0, "k"));
        assertEquals("v", f.get(3, "k"));
        assertEquals(f.now + 5000, f.expireAt(3, "k"));
    }

    @Test
    void move_targetExists() {
        f.set("k", "here");
        f.set(1, "k", "there", 0);
        assertEquals(":0", f.run("MOVE", "k", "1"));
        assertEquals("here", f.get(0, "k"));
        assertEquals("there", f.get(1, "k"));
    }

    @Test
    void move_absentKey() {
        assertEquals(":0", f.run("MOVE", "nokey", "1"));
        assertEquals(0, f.hits() + f.misses());
    }

    @Test
    void move_errors() {
        // texts from redis-server 7.0.15 (the same-db check comes before the key lookup)
        f.set("k", "v");
        assertEquals("-ERR source and destination objects are the same", f.run("MOVE", "k", "0"));
        assertEquals("-ERR source and destination objects are the same", f.run("MOVE", "nokey", "0"));
        assertEquals("-ERR DB index is out of range", f.run("MOVE", "k", "16"));
        assertEquals("-ERR value is not an integer or out of range", f.run("MOVE", "k", "x"));
        assertEquals("-ERR value is out of range, value must between -2147483648 and 2147483647",
                f.run("MOVE", "k", "4294967296"));
    }
}
