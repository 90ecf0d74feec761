package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Expected replies copied from redis-server 7.0.15. */
class SetTest extends StringCommandTestBase {

    @Test
    void set_plainReplacesValueAndExpiry() {
        assertOk("SET", "k", "v", "EX", "100");
        assertOk("SET", "k", "v2");
        assertEquals("v2", stored("k"));
        assertEquals(0, expireAt("k"));
    }

    @Test
    void set_ex() {
        assertOk("SET", "k", "v", "EX", "10");
        assertEquals(now + 10_000, expireAt("k"));
    }

    @Test
    void set_px() {
        assertOk("SET", "k", "v", "px", "1500");
        assertEquals(now + 1500, expireAt("k"));
    }

    @Test
    void set_exat() {
        assertOk("SET", "k", "v", "EXAT", String.valueOf(now / 1000 + 60));
        assertEquals(now + 60_000, expireAt("k"));
    }

    @Test
    void set_pxat() {
        assertOk("SET", "k", "v", "PXAT", String.valueOf(now + 5));
        assertEquals(now + 5, expireAt("k"));
    }

    @Test
    void set_pxatMaxLongIsAccepted() {
        assertOk("SET", "k", "v", "PXAT", "9223372036854775807");
        assertEquals(Long.MAX_VALUE, expireAt("k"));
    }

    @Test
    void set_exatInThePastLeavesNoKey() {
        assertOk("SET", "k", "v");
        assertOk("SET", "k", "v", "PXAT", "1");
        assertNull(stored("k"));
        assertNil("SET", "k", "v", "EXAT", "1", "XX"); // absent now: XX does not write
        assertNull(stored("k"));
    }

    @Test
    void set_pxatNowIsStillVisible() {
        assertOk("SET", "k", "v", "PXAT", String.valueOf(now));
        assertEquals("v", stored("k"));
    }

    @Test
    void set_repeatedExpiryLastWins() {
        assertOk("SET", "k", "v", "EX", "10", "EX", "20");
        assertEquals(now + 20_000, expireAt("k"));
        assertOk("SET", "k2", "v", "NX", "NX");
    }

    @Test
    void set_conflictingOptionsAreSyntaxErrors() {
        assertError("ERR syntax error", "SET", "k", "v", "EX", "10", "PX", "100");
        assertError("ERR syntax error", "SET", "k", "v", "NX", "XX");
        assertError("ERR syntax error", "SET", "k", "v", "XX", "NX");
        assertError("ERR syntax error", "SET", "k", "v", "KEEPTTL", "EX", "10");
        assertError("ERR syntax error", "SET", "k", "v", "EX", "10", "KEEPTTL");
        assertError("ERR syntax error", "SET", "k", "v", "EX");
        assertError("ERR syntax error", "SET", "k", "v", "PERSIST");
        assertError("ERR syntax error", "SET", "k", "v", "EXAT", "9223372036854775", "NOPE");
        assertNull(stored("k"));
    }

    @Test
    void set_syntaxErrorBeforeExpiryError() {
        assertError("ERR syntax error", "SET", "k", "v", "EX", "0", "BOGUS");
    }

    @Test
    void set_invalidExpiryErrors() {
        assertError("ERR value is not an integer or out of range", "SET", "k", "v", "EX", "abc");
        assertError("ERR invalid expire time in 'set' command", "SET", "k", "v", "EX", "0");
        assertError("ERR invalid expire time in 'set' command", "SET", "k", "v", "EX", "-1");
        assertError("ERR invalid expire time in 'set' command", "SET", "k", "v", "EX", "9223372036854775807");
        assertError("ERR invalid expire time in 'set' command", "SET", "k", "v", "PX", "9223372036854775807");
        assertError("ERR invalid expire time in 'set' command", "SET", "k", "v", "EXAT", "9223372036854775807");
        assertError("ERR invalid expire time in 'set' command", "SET", "k", "v", "PXAT", "0");
        assertNull(stored("k"));
    }

    @Test
    void set_exatLargestAccepted() {
        assertOk("SET", "k", "v", "EXAT", "9223372036854775");
        assertEquals(9223372036854775000L, expireAt("k"));
    }

    @Test
    void set_nx() {
        assertOk("SET", "k", "v", "NX");
        assertNil("SET", "k", "v2", "NX");
        assertEquals("v", stored("k"));
    }

    @Test
    void set_xx() {
        assertNil("SET", "k", "v", "XX");
        assertNull(stored("k"));
        assertOk("SET", "k", "v");
        assertOk("SET", "k", "v2", "XX");
        assertEquals("v2", stored("k"));
    }

    @Test
    void set_xxDropsExpiry() {
        assertOk("SET", "k", "v", "EX", "100");
        assertOk("SET", "k", "v3", "XX");
        assertEquals(0, expireAt("k"));
    }

    @Test
    void set_keepTtl() {
        assertOk("SET", "k", "v", "EX", "100");
        assertOk("SET", "k", "v2", "KEEPTTL");
        assertEquals("v2", stored("k"));
        assertEquals(now + 100_000, expireAt("k"));
        assertOk("SET", "fresh", "v", "KEEPTTL", "KEEPTTL");
        assertEquals(0, expireAt("fresh"));
    }

    @Test
    void set_get() {
        assertNil("SET", "k", "v", "GET");
        assertBulk("v", "SET", "k", "v2", "GET", "GET");
        assertEquals("v2", stored("k"));
        assertEquals(1, hits());
        assertEquals(1, misses());
    }

    @Test
    void set_getWithNx() {
        assertNil("SET", "k", "v", "GET", "NX");
        assertBulk("v", "SET", "k", "v2", "GET", "NX");
        assertEquals("v", stored("k"));
    }

    @Test
    void set_getWithXxOnAbsentKey() {
        assertNil("SET", "k2", "v", "GET", "XX");
        assertNull(stored("k2"));
    }

    @Test
    void set_getWithPastExpiryAnswersOldValueAndDeletes() {
        assertOk("SET", "k", "v");
        assertBulk("v", "SET", "k", "v", "EXAT", "1", "GET");
        assertNull(stored("k"));
    }

    @Test
    void set_optionsAreCaseInsensitive() {
        assertOk("set", "k", "v", "ex", "100", "nx");
        assertEquals(now + 100_000, expireAt("k"));
    }

    @Test
    void set_usesSelectedDatabase() {
        ctx.session().select(5);
        assertOk("SET", "k", "v");
        assertNull(stored("k"));
        assertEquals("v", new String(store.get(5, b("k")).orElseThrow().bytes()));
    }
}
