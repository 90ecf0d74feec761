package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RenameTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void rename_movesValueAndKeepsTtl() {
        f.set(0, "a", "v", f.now + 5000);
        assertEquals("+OK", f.run("RENAME", "a", "b"));
        assertNull(f.get(0, "a"));
        assertEquals("v", f.get(0, "b"));
        assertEquals(f.now + 5000, f.expireAt(0, "b"));
    }

    @Test
    void rename_overwritesTargetAndItsTtl() {
        f.set("a", "new");
        f.set(0, "b", "old", f.now + 5000);
        assertEquals("+OK", f.run("RENAME", "a", "b"));
        assertEquals("new", f.get(0, "b"));
        assertEquals(0, f.expireAt(0, "b"));
    }

    @Test
    void rename_absentSource() {
        assertEquals("-ERR no such key", f.run("RENAME", "nokey", "x"));
        assertEquals("-ERR no such key", f.run("RENAME", "nokey", "nokey"));
        assertNull(f.get(0, "x"));
    }

    @Test
    void rename_expiredSource() {
        f.set(0, "a", "v", f.now + 1);
        f.clock.advanceMillis(2);
        assertEquals("-ERR no such key", f.run("RENAME", "a", "b"));
    }

    @Test
    void rename_sameKey() {
        // redis-server 7.0: RENAME k k -> +OK; RENAMENX k k -> :0
        f.set("k", "v");
        assertEquals("+OK", f.run("RENAME", "k", "k"));
        assertEquals(":0", f.run("RENAMENX", "k", "k"));
        assertEquals("v", f.get(0, "k"));
    }

    @Test
    void renamenx_onlyIfTargetAbsent() {
        f.set("a", "1");
        f.set("b", "2");
        assertEquals(":0", f.run("RENAMENX", "a", "b"));
        assertEquals("1", f.get(0, "a"));
        assertEquals("2", f.get(0, "b"));
        assertEquals(":1", f.run("RENAMENX", "a", "c"));
        assertEquals("1", f.get(0, "c"));
        assertNull(f.get(0, "a"));
        assertEquals("-ERR no such key", f.run("RENAMENX", "nokey", "x"));
    }

    @Test
    void rename_noKeyspaceStats() {
        f.set("a", "1");
        f.run("RENAME", "a", "b");
        assertEquals(0, f.hits() + f.misses());
    }
}
