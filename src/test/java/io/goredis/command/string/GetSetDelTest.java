package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** GETSET, GETDEL, SETNX, SETEX, PSETEX. Expected replies copied from redis-server 7.0.15. */
class GetSetDelTest extends StringCommandTestBase {

    @Test
    void getset_answersOldValueAndDropsExpiry() {
        assertNil("GETSET", "k", "v");
        assertOk("SET", "k", "v", "EX", "100");
        assertBulk("v", "GETSET", "k", "v4");
        assertEquals("v4", stored("k"));
        assertEquals(0, expireAt("k"));
        assertEquals(1, hits());
        assertEquals(1, misses());
    }

    @Test
    void getdel_answersAndDeletes() {
        assertOk("SET", "a", "1");
        assertBulk("1", "GETDEL", "a");
        assertNull(stored("a"));
        assertNil("GETDEL", "a");
        assertEquals(1, hits());
        assertEquals(1, misses());
    }

    @Test
    void setnx_onlyIfAbsent() {
        assertInt(1, "SETNX", "a", "1");
        assertInt(0, "SETNX", "a", "2");
        assertEquals("1", stored("a"));
    }

    @Test
    void setex_and_psetex() {
        assertOk("SETEX", "k", "10", "v");
        assertEquals(now + 10_000, expireAt("k"));
        assertOk("PSETEX", "k", "250", "v2");
        assertEquals(now + 250, expireAt("k"));
        assertEquals("v2", stored("k"));
    }

    @Test
    void setex_errorsNameTheCommand() {
        assertError("ERR invalid expire time in 'setex' command", "SETEX", "k", "0", "v");
        assertError("ERR value is not an integer or out of range", "SETEX", "k", "abc", "v");
        assertError("ERR invalid expire time in 'psetex' command", "PSETEX", "k", "-5", "v");
        assertError("ERR invalid expire time in 'setex' command", "SETEX", "k", "9223372036854775", "v");
        assertNull(stored("k"));
    }
}
