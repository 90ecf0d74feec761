package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Race;
import io.goredis.server.GoRedisServerExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.LCSParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.LCSMatchResult;

/** The string commands through Jedis over a real goredis socket (in-memory store). */
class StringCommandsIT {

    @RegisterExtension
    static final GoRedisServerExtension goredis = new GoRedisServerExtension();

    private Jedis jedis;

    @BeforeEach
    void connect() {
        jedis = new Jedis("127.0.0.1", goredis.port());
        jedis.flushAll();
    }

    @AfterEach
    void disconnect() {
        jedis.close();
    }

    @Test
    void getSet_roundTripWithOptions() {
        assertNull(jedis.get("k"));
        assertEquals("OK", jedis.set("k", "b c"));
        assertEquals("b c", jedis.get("k"));
        assertNull(jedis.set("k", "x", SetParams.setParams().nx()));
        assertEquals("OK", jedis.set("k", "v2", SetParams.setParams().xx().ex(100)));
        assertTrue(jedis.ttl("k") > 90);
        assertEquals("OK", jedis.set("k", "v3", SetParams.setParams().keepTtl()));
        assertTrue(jedis.ttl("k") > 90);
        assertEquals("v3", jedis.setGet("k", "v4"));
        assertEquals(-1, jedis.ttl("k"));
        JedisDataException e = assertThrows(JedisDataException.class,
                () -> jedis.set("k", "v", SetParams.setParams().ex(0)));
        assertEquals("ERR invalid expire time in 'set' command", e.getMessage());
        e = assertThrows(JedisDataException.class,
                () -> jedis.sendCommand(Protocol.Command.SET, "k", "v", "NX", "XX"));
        assertEquals("ERR syntax error", e.getMessage());
    }

    @Test
    void setVariants() {
        assertEquals(1, jedis.setnx("a", "1"));
        assertEquals(0, jedis.setnx("a", "2"));
        assertEquals("OK", jedis.setex("b", 100, "2"));
        assertEquals("OK", jedis.psetex("c", 100_000, "3"));
        assertTrue(jedis.pttl("c") > 90_000);
        assertEquals("1", jedis.getSet("a", "one"));
        assertEquals("one", jedis.getDel("a"));
        assertNull(jedis.getDel("a"));
        assertEquals("2", jedis.getEx("b", GetExParams.getExParams().persist()));
        assertEquals(-1, jedis.ttl("b"));
        assertEquals("2", jedis.getEx("b", GetExParams.getExParams().px(5000)));
        assertTrue(jedis.pttl("b") > 4000);
    }

    @Test
    void multiKey() {
        assertEquals("OK", jedis.mset("a", "1", "b", "2"));
        assertEquals(Arrays.asList("1", null, "2"), jedis.mget("a", "nokey", "b"));
        assertEquals(0, jedis.msetnx("a", "x", "c", "3"));
        assertEquals(1, jedis.msetnx("c", "3", "d", "4"));
        assertEquals(Arrays.asList("3", "4"), jedis.mget("c", "d"));
    }

    @Test
    void counters() {
        assertEquals(1, jedis.incr("n"));
        assertEquals(11, jedis.incrBy("n", 10));
        assertEquals(10, jedis.decr("n"));
        assertEquals(0, jedis.decrBy("n", 10));
        assertEquals(10.5, jedis.incrByFloat("f", 10.5));
        assertEquals(10.6, jedis.incrByFloat("f", 0.1));
        assertEquals("10.6", jedis.get("f"));
        jedis.set("s", " 1");
        JedisDataException e = assertThrows(JedisDataException.class, () -> jedis.incr("s"));
        assertEquals("ERR value is not an integer or out of range", e.getMessage());
    }

    @Test
    void ranges() {
        assertEquals(11, jedis.append("s", "Hello World"));
        assertEquals(11, jedis.strlen("s"));
        assertEquals("World", jedis.getrange("s", -5, -1));
        assertEquals(11, jedis.setrange("s", 6, "Redis"));
        assertEquals("Hello Redis", jedis.get("s"));
        assertEquals(0, jedis.strlen("nokey"));
    }

    @Test
    void lcs() {
        jedis.mset("key1", "ohmytext", "key2", "mynewtext");
        assertEquals("mytext", jedis.lcs("key1", "key2", LCSParams.LCSParams()).getMatchString());
        assertEquals(6, jedis.lcs("key1", "key2", LCSParams.LCSParams().len()).getLen());
        LCSMatchResult idx = jedis.lcs("key1", "key2", LCSParams.LCSParams().idx().withMatchLen());
        assertEquals(6, idx.getLen());
        assertEquals(2, idx.getMatches().size());
        assertEquals(4, idx.getMatches().get(0).getMatchLen());
    }

    @Test
    void binarySafeAndLargeValues() {
        byte[] key = new byte[256];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        byte[] big = new byte[4 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7 + 13);
        }
        assertEquals("OK", jedis.set(key, big));
        assertArrayEquals(big, jedis.get(key));
        assertEquals("OK", jedis.set(new byte[0], "a\r\nb".getBytes()));
        assertArrayEquals("a\r\nb".getBytes(), jedis.get(new byte[0]));
        assertEquals(big.length + 2, jedis.append(key, "\r\n".getBytes()));
    }

    @Test
    void concurrentIncrAndSetNxOverSockets() throws Exception {
        int clients = 20;
        List<Boolean> won = Race.run(clients, t -> new Jedis("127.0.0.1", goredis.port()), (j, t) -> {
            for (int i = 0; i < 100; i++) {
                j.incr("counter");
            }
            return "OK".equals(j.set("winner", "client" + t, SetParams.setParams().nx()));
        });
        assertEquals(1, won.stream().filter(w -> w).count());
        assertEquals("2000", jedis.get("counter"));
        assertFalse(jedis.get("winner").isEmpty());
    }
}
