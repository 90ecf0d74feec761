package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** RANDOMKEY, DBSIZE, FLUSHDB, FLUSHALL, SWAPDB: the whole-database commands. */
class DbCommandsTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void randomkey_emptyDb() {
        assertEquals("(nil)", f.run("RANDOMKEY"));
    }

    @Test
    void randomkey_onlyKey() {
        f.set("k", "v");
        assertEquals("\"k\"", f.run("RANDOMKEY"));
        assertEquals(0, f.hits() + f.misses());
    }

    @Test
    void dbsize_countsLiveKeysOfSelectedDb() {
        f.set("a", "1");
        f.set(0, "b", "1", f.now + 10);
        f.set(3, "c", "1", 0);
        assertEquals(":2", f.run("DBSIZE"));
        f.clock.advanceMillis(11);
        assertEquals(":1", f.run("DBSIZE"));
        f.ctx.session().select(3);
        assertEquals(":1", f.run("DBSIZE"));
    }

    @Test
    void flushdb_onlySelectedDb() {
        f.set("a", "1");
        f.set(1, "b", "1", 0);
        assertEquals("+OK", f.run("FLUSHDB"));
        assertNull(f.get(0, "a"));
        assertEquals("1", f.get(1, "b"));
    }

    @Test
    void flushdb_asyncAndSync() {
        f.set("a", "1");
        assertEquals("+OK", f.run("FLUSHDB", "ASYNC"));
        assertNull(f.get(0, "a"));
        f.set("a", "1");
        assertEquals("+OK", f.run("flushdb", "sync"));
        assertNull(f.get(0, "a"));
    }

    @Test
    void flushdb_badOption() {
        // redis-server 7.0: FLUSHDB foo / FLUSHDB async sync -> -ERR syntax error
        f.set("a", "1");
        assertEquals("-ERR syntax error", f.run("FLUSHDB", "foo"));
        assertEquals("-ERR syntax error", f.run("FLUSHDB", "async", "sync"));
        assertEquals("-ERR syntax error", f.run("FLUSHALL", "foo"));
        assertEquals("1", f.get(0, "a"));
    }

    @Test
    void flushall_everyDb() {
        f.set("a", "1");
        f.set(15, "b", "1", 0);
        assertEquals("+OK", f.run("FLUSHALL", "SYNC"));
        assertNull(f.get(0, "a"));
        assertNull(f.get(15, "b"));
        f.set("a", "1");
        assertEquals("+OK", f.run("FLUSHALL"));
        assertNull(f.get(0, "a"));
    }

    @Test
    void swapdb_exchangesContents() {
        f.set("a", "0");
        f.set(1, "b", "1", 0);
        assertEquals("+OK", f.run("SWAPDB", "0", "1"));
        assertEquals("1", f.get(0, "b"));
        assertEquals("0", f.get(1, "a"));
        assertNull(f.get(0, "a"));
    }

    @Test
    void swapdb_sameDbIsOk() {
        f.set("a", "0");
        assertEquals("+OK", f.run("SWAPDB", "0", "0"));
        assertEquals("0", f.get(0, "a"));
    }

    @Test
    void swapdb_errors() {
        // texts from redis-server 7.0.15
        assertEquals("-ERR invalid first DB index", f.run("SWAPDB", "a", "1"));
        assertEquals("-ERR invalid second DB index", f.run("SWAPDB", "1", "b"));
        assertEquals("-ERR invalid first DB index", f.run("SWAPDB", "99999999999", "1"));
        assertEquals("-ERR DB index is out of range", f.run("SWAPDB", "0", "16"));
        assertEquals("-ERR DB index is out of range", f.run("SWAPDB", "0", "-1"));
        assertEquals("-ERR DB index is out of range", f.run("SWAPDB", "-1", "0"));
        assertEquals("-ERR DB index is out of range", f.run("SWAPDB", "16", "0"));
    }
}
