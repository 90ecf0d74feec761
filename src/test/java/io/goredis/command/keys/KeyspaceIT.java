package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.server.GoRedisServerExtension;
import io.goredis.store.MutableClock;
import io.goredis.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ExpiryOption;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** SCAN iteration and TTL behaviour through a real socket, with Jedis, on the in-memory store. */
class KeyspaceIT {

    private final MutableClock clock = new MutableClock(KeysFixture.FIXED_NOW);

    @RegisterExtension
    final GoRedisServerExtension goredis = new GoRedisServerExtension()
            .clock(clock)
            .store(() -> new InMemoryStore(clock, 16, Duration.ZERO));

    private Jedis jedis() {
        return new Jedis("127.0.0.1", goredis.port());
    }

    @Test
    void scan_jedisIteratesEveryKeyWithMatchAndCount() {
        try (Jedis j = jedis()) {
            Set<String> want = new HashSet<>();
            for (int i = 0; i < 1000; i++) {
                j.set("user:" + i, "v");
                want.add("user:" + i);
                j.set("order:" + i, "v");
            }
            Set<String> seen = new HashSet<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            int calls = 0;
            ScanParams params = new ScanParams().match("user:*").count(50);
            do {
                ScanResult<String> page = j.scan(cursor, params);
                seen.addAll(page.getResult());
                cursor = page.getCursor();
                calls++;
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            assertEquals(want, seen);
            assertTrue(calls > 10, "2000 keys at COUNT 50 take many calls, took " + calls);
            assertEquals(2000, j.dbSize());
            assertEquals(1000, j.keys("order:*").size());
        }
    }

    @Test
    void scan_keysWrittenDuringScanDoNotHideOthers() {
        try (Jedis j = jedis(); Jedis writer = jedis()) {
            Set<String> stable = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                j.set("stable:" + i, "v");
                stable.add("stable:" + i);
            }
            Set<String> seen = new HashSet<>();
            String cursor = "0";
            int n = 0;
            do {
                ScanResult<String> page = j.scan(cursor, new ScanParams().count(20));
                seen.addAll(page.getResult());
                cursor = page.getCursor();
                writer.set("churn:" + n++, "v"); // keys come and go while the scan runs
                writer.del("churn:" + (n / 2));
            } while (!cursor.equals("0"));
            assertTrue(seen.containsAll(stable));
        }
    }

    @Test
    void ttl_followsTheClock() {
        try (Jedis j = jedis()) {
            j.set("k", "v");
            assertEquals(-1, j.ttl("k"));
            assertEquals(1, j.expire("k", 100));
            assertEquals(100, j.ttl("k"));
            assertEquals(100_000, j.pttl("k"));
            assertEquals(KeysFixture.FIXED_NOW / 1000 + 100, j.expireTime("k"));
            clock.advanceMillis(60_400);
            assertEquals(40, j.ttl("k")); // 39.6 s rounds to 40, as Redis
            assertEquals(39_600, j.pttl("k"));
            assertEquals(0, j.expire("k", 10, ExpiryOption.GT));
            assertEquals(1, j.expire("k", 10, ExpiryOption.LT));
            clock.advanceMillis(10_001);
            assertNull(j.get("k"));
            assertEquals(-2, j.ttl("k"));
            assertFalse(j.exists("k"));
            assertEquals(0, j.dbSize());
        }
    }

    @Test
    void expire_pastTimeDeletes_andPersistKeeps() {
        try (Jedis j = jedis()) {
            j.set("gone", "v");
            j.set("kept", "v");
            assertEquals(1, j.expire("gone", -1));
            assertFalse(j.exists("gone"));
            j.pexpire("kept", 500);
            assertEquals(1, j.persist("kept"));
            clock.advanceMillis(1_000);
            assertEquals("v", j.get("kept"));
        }
    }

    @Test
    void renameCopyMove_keepExpiryAcrossDatabases() {
        try (Jedis j = jedis()) {
            j.set("a", "v");
            j.pexpire("a", 5_000);
            assertEquals("OK", j.rename("a", "b"));
            assertTrue(j.copy("b", "c", false));
            assertEquals(1, j.move("c", 2));
            j.select(2);
            assertEquals(5_000, j.pttl("c"));
            List<String> keys = new ArrayList<>(j.keys("*"));
            assertEquals(List.of("c"), keys);
            assertEquals("OK", j.swapDB(0, 2));
            assertEquals("b", j.randomKey());
        }
    }
}
