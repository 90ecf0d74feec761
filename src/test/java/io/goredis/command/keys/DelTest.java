package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DelTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void del_countsExistingKeysOnce() {
        f.set("a", "1");
        f.set("b", "2");
        assertEquals(":2", f.run("DEL", "a", "b", "nokey", "a"));
        assertNull(f.get(0, "a"));
        assertNull(f.get(0, "b"));
    }

    @Test
    void del_absentKey() {
        assertEquals(":0", f.run("DEL", "nokey"));
    }

    @Test
    void del_expiredKeyIsNotCounted() {
        f.set(0, "k", "v", f.now + 100);
        f.clock.advanceMillis(101);
        assertEquals(":0", f.run("DEL", "k"));
    }

    @Test
    void del_onlySelectedDb() {
        f.set(1, "k", "v", 0);
        assertEquals(":0", f.run("DEL", "k"));
        assertEquals("v", f.get(1, "k"));
        f.ctx.session().select(1);
        assertEquals(":1", f.run("DEL", "k"));
    }

    @Test
    void del_noKeyspaceStats() {
        f.set("a", "1");
        f.run("DEL", "a", "b");
        assertEquals(0, f.hits() + f.misses());
    }

    @Test
    void unlink_sameAsDel() {
        f.set("a", "1");
        assertEquals(":1", f.run("UNLINK", "a", "a", "b"));
        assertNull(f.get(0, "a"));
    }

    @Test
    void del_emptyKey() {
        f.set("", "v");
        assertEquals(":1", f.run("DEL", ""));
    }
}
