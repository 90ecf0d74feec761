package io.goredis.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import io.goredis.Fleet;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.ClientOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redisson.Redisson;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Real users' code on hashes and sets against a two-node goredis fleet on one DynamoDB Local
 * table (a DynamoDB node and a caching node): Spring Session's {@link RedisSessionRepository}
 * (Spring Boot's default session store: HMSET, HGETALL, EXPIRE, DEL), Redisson's {@link RMap}
 * (Lua scripts over hashes), and the Jedis (RESP2) and Lettuce (RESP2 and RESP3) hash and set APIs.
 */
class ClientLibrariesTypedIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private static Fleet fleet;
    private static Fleet.Node a;
    private static Fleet.Node b;

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = new Fleet(dynamo);
        a = fleet.start("dynamodb");
        b = fleet.start("caching");
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    // ================================================================= Spring Session

    private static LettuceConnectionFactory springFactory(Fleet.Node node) {
        LettuceConnectionFactory f = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", node.port()));
        f.afterPropertiesSet();
        f.start();
        return f;
    }

    private static RedisSessionRepository sessions(LettuceConnectionFactory f) {
        RedisTemplate<String, Object> template = new RedisTemplate<>();
        template.setConnectionFactory(f);
        template.setKeySerializer(new StringRedisSerializer());
        template.setHashKeySerializer(new StringRedisSerializer());
        template.afterPropertiesSet();
        return new RedisSessionRepository(template);
    }

    @Test
    void springSession_createSaveFindExpireDelete_acrossNodes() throws Exception {
        LettuceConnectionFactory fa = springFactory(a);
        LettuceConnectionFactory fb = springFactory(b);
        try {
            sessionScenario(sessions(fa), sessions(fb));
        } finally {
            fa.destroy();
            fb.destroy();
        }
    }

    /** Create, save, find on the other node, delta-save, expire and delete a session. */
    private static <S extends Session> void sessionScenario(SessionRepository<S> onA, SessionRepository<S> onB)
            throws InterruptedException {
        S session = onA.createSession();
        session.setAttribute("user", "alice");
        session.setAttribute("cart", new java.util.ArrayList<>(List.of("book", "pen")));
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        onA.save(session);
        String id = session.getId();

        try (Jedis j = a.jedis()) {
            String key = "spring:session:sessions:" + id;
            assertEquals("hash", j.type(key));
            assertTrue(j.hexists(key, "sessionAttr:user"));
            assertTrue(j.ttl(key) > 1700 && j.ttl(key) <= 1800, "TTL follows maxInactiveInterval");
        }

        // another node finds it (the caching node's cache learns it from the table)
        Await.until(Duration.ofSeconds(15), () -> onB.findById(id) != null, () -> "session not found on B");
        S found = onB.findById(id);
        assertEquals("alice", found.getAttribute("user"));
        assertEquals(List.of("book", "pen"), found.getAttribute("cart"));

        found.setAttribute("user", "bob");
        found.removeAttribute("cart");
        onB.save(found);   // a delta save: HMSET of the changed attributes only
        Await.until(Duration.ofSeconds(15), () -> "bob".equals(onA.findById(id).getAttribute("user")),
                () -> "B's save not seen on A");
        assertNull(onA.findById(id).getAttribute("cart"));

        // expiry: a session whose max inactive interval has passed is gone
        S shortLived = onA.createSession();
        shortLived.setMaxInactiveInterval(Duration.ofSeconds(1));
        onA.save(shortLived);
        assertNotNull(onA.findById(shortLived.getId()));
        Thread.sleep(2100);
        assertNull(onA.findById(shortLived.getId()));

        onA.deleteById(id);
        Await.until(Duration.ofSeconds(15), () -> onB.findById(id) == null, () -> "deleted session still found on B");
    }

    // ================================================================= Redisson RMap

    private static RedissonClient redisson(Fleet.Node node) {
        org.redisson.config.Config c = new org.redisson.config.Config();
        c.useSingleServer().setAddress("redis://127.0.0.1:" + node.port()).setTimeout(20_000)
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(8)
                .setSubscriptionConnectionMinimumIdleSize(0);
        return Redisson.create(c);
    }

    @Test
    void redissonMap_putGetAddAndGet_acrossNodes_exact() throws Exception {
        RedissonClient ra = redisson(a);
        RedissonClient rb = redisson(b);
        try {
            CompositeCodec codec = new CompositeCodec(StringCodec.INSTANCE, LongCodec.INSTANCE);
            RMap<String, Long> ma = ra.getMap("rmap:counters", codec);
            RMap<String, Long> mb = rb.getMap("rmap:counters", codec);
            assertNull(ma.put("a", 1L));
            assertEquals(1L, ma.put("a", 2L));
            assertEquals(2L, mb.get("a"));
            assertTrue(ma.fastPutIfAbsent("b", 10L));
            assertFalse(mb.fastPutIfAbsent("b", 11L));
            assertEquals(Set.of("a", "b"), new TreeSet<>(mb.keySet()));
            int threads = 8;
            int rounds = 25;
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> fs = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    RMap<String, Long> m = t % 2 == 0 ? ma : mb;
                    fs.add(pool.submit(() -> {
                        for (int i = 0; i < rounds; i++) {
                            m.addAndGet("hits", 1L);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            }
            assertEquals((long) threads * rounds, ma.get("hits"));
            assertEquals(2L, mb.remove("a"));
            assertEquals(Map.of("b", 10L, "hits", (long) threads * rounds), new HashMap<>(ma.readAllMap()));
        } finally {
            ra.shutdown();
            rb.shutdown();
        }
    }

    // ================================================================= Jedis (RESP2)

    @Test
    void jedis_hashAndSetApis() {
        try (Jedis j = a.jedis(); Jedis jb = b.jedis()) {
            assertEquals(2, j.hset("jh", Map.of("f1", "v1", "f2", "v2")));
            assertEquals("v1", j.hget("jh", "f1"));
            assertEquals(Map.of("f1", "v1", "f2", "v2"), j.hgetAll("jh"));
            assertEquals(java.util.Arrays.asList("v2", null), j.hmget("jh", "f2", "nope"));
            assertEquals(5, j.hincrBy("jh", "n", 5));
            assertEquals(7.5, j.hincrByFloat("jh", "n", 2.5));
            assertEquals(3, j.hlen("jh"));
            ScanResult<Map.Entry<String, String>> page = j.hscan("jh", ScanParams.SCAN_POINTER_START);
            assertEquals("0", page.getCursor());
            assertEquals(3, page.getResult().size());
            assertEquals(1, j.hdel("jh", "f1"));
            JedisDataException wrong = assertThrows(JedisDataException.class, () -> j.get("jh"));
            assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", wrong.getMessage());

            assertEquals(3, j.sadd("js", "a", "b", "c"));
            assertEquals(Set.of("a", "b", "c"), j.smembers("js"));
            assertTrue(j.sismember("js", "a"));
            assertEquals(List.of(true, false), j.smismember("js", "b", "z"));
            assertEquals(2, j.sadd("js2", "c", "d"));
            assertEquals(Set.of("c"), j.sinter("js", "js2"));
            assertEquals(Set.of("a", "b", "c", "d"), j.sunion("js", "js2"));
            assertEquals(Set.of("a", "b"), j.sdiff("js", "js2"));
            assertEquals(1, j.sinterstore("jsi", "js", "js2"));
            assertEquals(1, j.sintercard("js", "js2"));
            assertEquals(1, j.smove("js", "js2", "a"));
            // the caching node sees the writes of the DynamoDB node
            Await.until(Duration.ofSeconds(15), () -> jb.smembers("js2").size() == 3, () -> "B does not see SMOVE");
            assertEquals(Set.of("a", "c", "d"), jb.smembers("js2"));
            String popped = j.spop("js");
            assertTrue(Set.of("b", "c").contains(popped));
            assertEquals(1, j.scard("js"));
        }
    }

    /** Many clients SPOP one set through both nodes: each member goes to exactly one client. */
    @Test
    void jedis_spopFromTwoNodes_eachMemberOnce() throws Exception {
        int members = 200;
        try (Jedis j = a.jedis()) {
            String[] all = new String[members];
            for (int i = 0; i < members; i++) {
                all[i] = "m" + i;
            }
            j.sadd("queue:set", all);
        }
        Set<String> got = ConcurrentHashMap.newKeySet();
        List<String> dupes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        int clients = 8;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> fs = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Fleet.Node node = c % 2 == 0 ? a : b;
                fs.add(pool.submit(() -> {
                    try (Jedis j = node.jedis()) {
                        while (true) {
                            List<String> batch = new java.util.ArrayList<>(j.spop("queue:set", 3));
                            if (batch.isEmpty()) {
                                return null;
                            }
                            for (String m : batch) {
                                if (!got.add(m)) {
                                    dupes.add(m);
                                }
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        assertEquals(List.of(), dupes);
        assertEquals(members, got.size());
    }

    // ================================================================= Lettuce (RESP2 and RESP3)

    private static <T> T lettuce(Fleet.Node node, ProtocolVersion protocol, Function<RedisCommands<String, String>, T> body) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(node.port())
                .withTimeout(Duration.ofSeconds(20)).build());
        client.setOptions(ClientOptions.builder().protocolVersion(protocol).build());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return body.apply(c.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"RESP2", "RESP3"})
    void lettuce_hashAndSetApis(ProtocolVersion protocol) {
        String p = protocol.name();
        lettuce(a, protocol, cmd -> {
            assertTrue(cmd.clientList().contains("resp=" + (protocol == ProtocolVersion.RESP3 ? 3 : 2)));
            assertEquals(2, cmd.hset(p + ":h", Map.of("x", "1", "y", "2")));
            assertEquals(Map.of("x", "1", "y", "2"), cmd.hgetall(p + ":h"));      // a RESP3 map
            assertEquals(List.of(KeyValue.just("x", "1"), KeyValue.empty("zz")), cmd.hmget(p + ":h", "x", "zz"));
            assertEquals(Set.of("x", "y"), new HashSet<>(cmd.hkeys(p + ":h")));   // HSET got them in Map.of order
            assertEquals(3L, cmd.hincrby(p + ":h", "x", 2));
            assertTrue(cmd.hsetnx(p + ":h", "z", "3"));
            assertEquals(3, cmd.hrandfieldWithvalues(p + ":h", 5).size());
            assertEquals(3, cmd.hscan(p + ":h", ScanArgs.Builder.limit(10)).getMap().size());

            assertEquals(3, cmd.sadd(p + ":s", "1", "2", "3"));
            assertEquals(Set.of("1", "2", "3"), cmd.smembers(p + ":s"));            // a RESP3 set
            assertEquals(Set.of("1", "2", "3"), cmd.sdiff(p + ":s", p + ":none"));
            assertEquals(2, new HashSet<>(cmd.srandmember(p + ":s", 2)).size());
            List<String> repeated = cmd.srandmember(p + ":s", -6);
            assertEquals(6, repeated.size());
            assertTrue(Set.of("1", "2", "3").containsAll(repeated));
            assertEquals(Set.of("1", "2", "3"), new HashSet<>(cmd.sscan(p + ":s").getValues()));
            return null;
        });
    }
}
