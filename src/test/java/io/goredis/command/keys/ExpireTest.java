package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ExpireTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void expire_setsRelativeSeconds() {
        f.set("k", "v");
        assertEquals(":1", f.run("EXPIRE", "k", "10"));
        assertEquals(f.now + 10_000, f.expireAt(0, "k"));
        assertEquals("v", f.get(0, "k"));
    }

    @Test
    void pexpire_expireat_pexpireat() {
        f.set("k", "v");
        assertEquals(":1", f.run("PEXPIRE", "k", "1500"));
        assertEquals(f.now + 1500, f.expireAt(0, "k"));
        assertEquals(":1", f.run("EXPIREAT", "k", String.valueOf(f.now / 1000 + 60)));
        assertEquals((f.now / 1000 + 60) * 1000, f.expireAt(0, "k"));
        assertEquals(":1", f.run("PEXPIREAT", "k", String.valueOf(f.now + 123)));
        assertEquals(f.now + 123, f.expireAt(0, "k"));
    }

    @Test
    void expire_absentKey() {
        assertEquals(":0", f.run("EXPIRE", "nokey", "10"));
        assertEquals(0, f.hits() + f.misses());
    }

    @Test
    void expire_pastTimeDeletesAndAnswersOne() {
        f.set("a", "v");
        f.set("b", "v");
        f.set("c", "v");
        f.set("d", "v");
        assertEquals(":1", f.run("EXPIRE", "a", "-1"));
        assertEquals(":1", f.run("PEXPIRE", "b", "0"));
        assertEquals(":1", f.run("EXPIREAT", "c", "1"));
        assertEquals(":1", f.run("PEXPIREAT", "d", String.valueOf(f.now))); // at now: already expired
        assertNull(f.get(0, "a"));
        assertNull(f.get(0, "b"));
        assertNull(f.get(0, "c"));
        assertNull(f.get(0, "d"));
    }

    @Test
    void expire_overflow() {
        // redis-server 7.0.15 answers each of these exactly so, and touches nothing
        f.set("k", "v");
        assertEquals("-ERR invalid expire time in 'expire' command", f.run("EXPIRE", "k", "9223372036854775807"));
        assertEquals("-ERR invalid expire time in 'expire' command", f.run("EXPIRE", "k", "-9223372036854775808"));
        assertEquals("-ERR invalid expire time in 'expire' command", f.run("EXPIRE", "k", "9223372036854776"));
        assertEquals("-ERR invalid expire time in 'pexpire' command", f.run("PEXPIRE", "k", "9223372036854775807"));
        assertEquals("-ERR invalid expire time in 'pexpire' command", f.run("PEXPIRE", "k", "9223372036854775000"));
        assertEquals("-ERR invalid expire time in 'expireat' command", f.run("EXPIREAT", "k", "9223372036854776"));
        assertEquals("-ERR invalid expire time in 'expire' command", f.run("EXPIRE", "nokey", "9223372036854775807"));
        assertEquals(0, f.expireAt(0, "k"));
    }

    @Test
    void expire_largestValid() {
        // redis-server 7.0.15: EXPIREAT k 9223372036854775 -> :1; PEXPIREAT k 9223372036854775807 -> :1
        f.set("k", "v");
        assertEquals(":1", f.run("EXPIREAT", "k", "9223372036854775"));
        assertEquals(9_223_372_036_854_775_000L, f.expireAt(0, "k"));
        assertEquals(":1", f.run("PEXPIREAT", "k", "9223372036854775807"));
        assertEquals(Long.MAX_VALUE, f.expireAt(0, "k"));
        assertEquals(":1", f.run("PEXPIRE", "k", String.valueOf(Long.MAX_VALUE - f.now)));
        assertEquals(Long.MAX_VALUE, f.expireAt(0, "k"));
    }

    @Test
    void expire_optionErrors() {
        // texts and precedence from redis-server 7.0.15: options are checked before the number
        f.set("k", "v");
        assertEquals("-ERR NX and XX, GT or LT options at the same time are not compatible",
                f.run("EXPIRE", "k", "10", "NX", "XX"));
        assertEquals("-ERR NX and XX, GT or LT options at the same time are not compatible",
                f.run("EXPIRE", "k", "10", "nx", "gt"));
        assertEquals("-ERR NX and XX, GT or LT options at the same time are not compatible",
                f.run("EXPIRE", "k", "10", "lt", "nx"));
        assertEquals("-ERR GT and LT options at the same time are not compatible",
                f.run("EXPIRE", "k", "10", "GT", "LT"));
        assertEquals("-ERR GT and LT options at the same time are not compatible",
                f.run("EXPIRE", "k", "10", "xx", "gt", "lt"));
        assertEquals("-ERR GT and LT options at the same time are not compatible",
                f.run("EXPIRE", "nokey", "10", "gt", "lt"));
        assertEquals("-ERR Unsupported option foo", f.run("EXPIRE", "k", "10", "foo"));
        assertEquals("-ERR Unsupported option foo", f.run("EXPIRE", "k", "abc", "foo"));
        assertEquals("-ERR value is not an integer or out of range", f.run("EXPIRE", "k", "abc"));
        assertEquals("-ERR value is not an integer or out of range", f.run("PEXPIRE", "k", "1.5", "NX"));
        assertEquals(0, f.expireAt(0, "k"));
    }

    @Test
    void expire_nx() {
        f.set("k", "v");
        assertEquals(":1", f.run("EXPIRE", "k", "100", "NX"));
        assertEquals(":0", f.run("EXPIRE", "k", "200", "NX"));
        assertEquals(f.now + 100_000, f.expireAt(0, "k"));
    }

    @Test
    void expire_xx() {
        f.set("k", "v");
        assertEquals(":0", f.run("EXPIRE", "k", "100", "XX"));
        assertEquals(0, f.expireAt(0, "k"));
        f.run("EXPIRE", "k", "100");
        assertEquals(":1", f.run("EXPIRE", "k", "200", "XX"));
        assertEquals(f.now + 200_000, f.expireAt(0, "k"));
    }

    @Test
    void expire_gt() {
        f.set("k", "v");
        assertEquals(":0", f.run("EXPIRE", "k", "100", "GT")); // no expiry counts as infinite
        f.run("EXPIRE", "k", "100");
        assertEquals(":0", f.run("EXPIRE", "k", "100", "GT"));
        assertEquals(":0", f.run("EXPIRE", "k", "50", "GT"));
        assertEquals(":1", f.run("EXPIRE", "k", "101", "GT", "XX"));
        assertEquals(f.now + 101_000, f.expireAt(0, "k"));
    }

    @Test
    void expire_lt() {
        f.set("k", "v");
        assertEquals(":1", f.run("EXPIRE", "k", "100", "LT")); // less than infinite
        assertEquals(":0", f.run("EXPIRE", "k", "100", "LT"));
        assertEquals(":0", f.run("EXPIRE", "k", "200", "lt"));
        assertEquals(":1", f.run("EXPIRE", "k", "50", "LT"));
        assertEquals(f.now + 50_000, f.expireAt(0, "k"));
        assertEquals(":1", f.run("EXPIRE", "k", "-1", "LT")); // and a past time deletes
        assertNull(f.get(0, "k"));
    }

    @Test
    void expire_conditionFailsBeforePastTimeDelete() {
        f.set("k", "v");
        assertEquals(":0", f.run("EXPIRE", "k", "-1", "XX"));
        assertEquals("v", f.get(0, "k"));
    }

    @Test
    void expire_repeatedOptionsAllowed() {
        f.set("k", "v");
        assertEquals(":1", f.run("EXPIRE", "k", "10", "NX", "nx"));
    }

    @Test
    void expire_keepsValue() {
        f.set("k", "value");
        f.run("EXPIRE", "k", "10");
        f.clock.advanceMillis(9_999);
        assertEquals("value", f.get(0, "k"));
        f.clock.advanceMillis(2);
        assertNull(f.get(0, "k"));
    }
}
