package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Expected replies copied from redis-server 7.0.15. */
class GetExTest extends StringCommandTestBase {

    @Test
    void getex_plainIsGet() {
        assertNil("GETEX", "k");
        assertOk("SET", "k", "v", "EX", "100");
        assertBulk("v", "GETEX", "k");
        assertEquals(now + 100_000, expireAt("k"));
        assertEquals(1, hits());
        assertEquals(1, misses());
    }

    @Test
    void getex_setsRelativeExpiry() {
        assertOk("SET", "k", "v");
        assertBulk("v", "GETEX", "k", "EX", "10");
        assertEquals(now + 10_000, expireAt("k"));
        assertBulk("v", "GETEX", "k", "px", "500");
        assertEquals(now + 500, expireAt("k"));
        assertBulk("v", "GETEX", "k", "ex", "1", "ex", "2");
        assertEquals(now + 2_000, expireAt("k"));
    }

    @Test
    void getex_setsAbsoluteExpiry() {
        assertOk("SET", "k", "v");
        assertBulk("v", "GETEX", "k", "EXAT", String.valueOf(now / 1000 + 30));
        assertEquals(now + 30_000, expireAt("k"));
        assertBulk("v", "GETEX", "k", "PXAT", String.valueOf(now + 7));
        assertEquals(now + 7, expireAt("k"));
    }

    @Test
    void getex_absoluteInThePastDeletesAfterAnswering() {
        assertOk("SET", "k", "v");
        assertBulk("v", "GETEX", "k", "PXAT", "1");
        assertNull(stored("k"));
        assertOk("SET", "k", "v");
        assertBulk("v", "GETEX", "k", "PXAT", String.valueOf(now)); // at now counts as expired here
        assertNull(stored("k"));
    }

    @Test
    void getex_persist() {
        assertOk("SET", "k", "v", "EX", "100");
        assertBulk("v", "GETEX", "k", "PERSIST");
        assertEquals(0, expireAt("k"));
        assertBulk("v", "GETEX", "k", "PERSIST");
        assertEquals(0, expireAt("k"));
    }

    @Test
    void getex_invalidExpiry() {
        assertOk("SET", "k", "v");
        assertError("ERR invalid expire time in 'getex' command", "GETEX", "k", "EX", "0");
        assertError("ERR value is not an integer or out of range", "GETEX", "k", "EX", "x");
        assertError("ERR invalid expire time in 'getex' command", "GETEX", "k", "EX", "9223372036854775807");
        assertEquals(0, expireAt("k"));
    }

    @Test
    void getex_invalidExpiryOnAbsentKeyAnswersNil() {
        assertNil("GETEX", "nokey", "EX", "0");
    }

    @Test
    void getex_syntaxErrors() {
        assertOk("SET", "k", "v");
        assertError("ERR syntax error", "GETEX", "k", "PERSIST", "EX", "10");
        assertError("ERR syntax error", "GETEX", "k", "EX", "10", "PERSIST");
        assertError("ERR syntax error", "GETEX", "k", "GET");
        assertError("ERR syntax error", "GETEX", "k", "NX");
        assertError("ERR syntax error", "GETEX", "k", "KEEPTTL");
        assertError("ERR syntax error", "GETEX", "k", "EX");
        assertError("ERR syntax error", "GETEX", "nokey", "EX", "1", "PX", "1");
    }
}
