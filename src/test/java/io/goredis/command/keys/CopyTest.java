package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CopyTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void copy_copiesValueAndTtl() {
        f.set(0, "a", "v", f.now + 5000);
        assertEquals(":1", f.run("COPY", "a", "b"));
        assertEquals("v", f.get(0, "a"));
        assertEquals("v", f.get(0, "b"));
        assertEquals(f.now + 5000, f.expireAt(0, "b"));
        assertEquals(1, f.hits());
    }

    @Test
    void copy_absentSourceIsMiss() {
        assertEquals(":0", f.run("COPY", "nokey", "b"));
        assertEquals(1, f.misses());
    }

    @Test
    void copy_existingTargetNeedsReplace() {
        f.set("a", "1");
        f.set("b", "2");
        assertEquals(":0", f.run("COPY", "a", "b"));
        assertEquals("2", f.get(0, "b"));
        assertEquals(":1", f.run("COPY", "a", "b", "REPLACE"));
        assertEquals("1", f.get(0, "b"));
        assertEquals(":1", f.run("COPY", "a", "b", "replace", "replace"));
    }

    @Test
    void copy_toOtherDb() {
        f.set("k", "v");
        assertEquals(":1", f.run("COPY", "k", "k", "DB", "1"));
        assertEquals("v", f.get(1, "k"));
        assertEquals(":0", f.run("COPY", "k", "k", "DB", "1"));
        assertEquals(":1", f.run("COPY", "k", "k2", "REPLACE", "DB", "15"));
        assertEquals("v", f.get(15, "k2"));
    }

    @Test
    void copy_errors() {
        // texts from redis-server 7.0.15
        f.set("k", "v");
        assertEquals("-ERR source and destination objects are the same", f.run("COPY", "k", "k"));
        assertEquals("-ERR source and destination objects are the same", f.run("COPY", "k", "k", "DB", "0"));
        assertEquals("-ERR source and destination objects are the same", f.run("COPY", "nokey", "nokey"));
        assertEquals("-ERR DB index is out of range", f.run("COPY", "k", "x", "DB", "16"));
        assertEquals("-ERR DB index is out of range", f.run("COPY", "k", "x", "DB", "-1"));
        assertEquals("-ERR value is not an integer or out of range", f.run("COPY", "k", "x", "DB", "x"));
        assertEquals("-ERR value is out of range, value must between -2147483648 and 2147483647",
                f.run("COPY", "k", "x", "DB", "-2147483649"));
        assertEquals("-ERR syntax error", f.run("COPY", "k", "x", "DB"));
        assertEquals("-ERR syntax error", f.run("COPY", "k", "x", "foo"));
        assertNull(f.get(0, "x"));
    }
}
