package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TtlTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void ttl_absentAndPersistent() {
        f.set("k", "v");
        assertEquals(":-2", f.run("TTL", "nokey"));
        assertEquals(":-2", f.run("PTTL", "nokey"));
        assertEquals(":-2", f.run("EXPIRETIME", "nokey"));
        assertEquals(":-2", f.run("PEXPIRETIME", "nokey"));
        assertEquals(":-1", f.run("TTL", "k"));
        assertEquals(":-1", f.run("PTTL", "k"));
        assertEquals(":-1", f.run("EXPIRETIME", "k"));
        assertEquals(":-1", f.run("PEXPIRETIME", "k"));
        assertEquals(4, f.hits());
        assertEquals(4, f.misses());
    }

    @Test
    void ttl_roundsToNearestSecondAsRedis() {
        f.set(0, "k", "v", f.now + 1499);
        assertEquals(":1", f.run("TTL", "k"));
        assertEquals(":1499", f.run("PTTL", "k"));
        f.set(0, "k", "v", f.now + 1500);
        assertEquals(":2", f.run("TTL", "k"));
        f.set(0, "k", "v", f.now + 499);
        assertEquals(":0", f.run("TTL", "k"));
        f.set(0, "k", "v", f.now + 10_000);
        f.clock.advanceMillis(3_700);
        assertEquals(":6", f.run("TTL", "k"));
        assertEquals(":6300", f.run("PTTL", "k"));
    }

    @Test
    void ttl_atExpiryInstantIsZero() {
        f.set(0, "k", "v", f.now + 1000);
        f.clock.advanceMillis(1000);
        assertEquals(":0", f.run("PTTL", "k"));
        assertEquals(":0", f.run("TTL", "k"));
        f.clock.advanceMillis(1);
        assertEquals(":-2", f.run("PTTL", "k"));
    }

    @Test
    void expiretime_absolute() {
        long second = f.now / 1000 * 1000 + 1000; // a whole second after now
        f.set(0, "k", "v", second + 499);
        assertEquals(":" + (second + 499), f.run("PEXPIRETIME", "k"));
        assertEquals(":" + second / 1000, f.run("EXPIRETIME", "k"));
        f.set(0, "k", "v", second + 500);
        assertEquals(":" + (second / 1000 + 1), f.run("EXPIRETIME", "k"));
    }

    @Test
    void expiretime_nearLongMax() {
        // redis-server 7.0.15: PEXPIREAT k 9223372036854775807; EXPIRETIME k -> 9223372036854776
        f.set(0, "k", "v", Long.MAX_VALUE);
        assertEquals(":9223372036854776", f.run("EXPIRETIME", "k"));
        assertEquals(":9223372036854775807", f.run("PEXPIRETIME", "k"));
        assertEquals(":" + (Long.MAX_VALUE - f.now + 500) / 1000, f.run("TTL", "k"));
        f.set(0, "k", "v", 9_223_372_036_854_775_300L);
        assertEquals(":9223372036854775", f.run("EXPIRETIME", "k"));
    }

    @Test
    void ttl_afterExpireCommand() {
        f.set("k", "v");
        f.run("EXPIRE", "k", "100");
        assertEquals(":100", f.run("TTL", "k"));
        assertEquals(":100000", f.run("PTTL", "k"));
        f.clock.advanceMillis(1);
        assertEquals(":100", f.run("TTL", "k"));
        assertEquals(":99999", f.run("PTTL", "k"));
    }
}
