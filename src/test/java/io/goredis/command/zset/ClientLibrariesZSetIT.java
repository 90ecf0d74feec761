package io.goredis.command.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.goredis.Await;
import io.goredis.Fleet;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.Tuple;

/**
 * Real users' sorted-set code against a two-node goredis fleet on one DynamoDB Local table (a
 * DynamoDB node and a caching node): the Jedis and Lettuce zset APIs in RESP2 and RESP3 (a
 * leaderboard and a delayed-job schedule), and ZINCRBY from many clients on both nodes ending exact.
 */
class ClientLibrariesZSetIT {

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

    private static Jedis jedis(Fleet.Node node, int resp) {
        return new Jedis(new HostAndPort("127.0.0.1", node.port()), DefaultJedisClientConfig.builder()
                .protocol(resp == 3 ? RedisProtocol.RESP3 : RedisProtocol.RESP2).timeoutMillis(20_000).build());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void jedis_leaderboard(int resp) {
        String key = "board" + resp;
        try (Jedis w = jedis(a, resp); Jedis r = jedis(b, resp)) {
            assertEquals(3, w.zadd(key, Map.of("ann", 10.0, "bob", 20.5, "cid", 15.0)));
            assertEquals(25.5, w.zincrby(key, 15.5, "ann"));
            assertEquals(0, w.zadd(key, 30.0, "bob", ZAddParams.zAddParams().gt().ch()) - 1);
            // the caching node learns other nodes' writes from the table's stream: wait for it
            Await.until(Fleet.CONVERGENCE, () -> Double.valueOf(30.0).equals(r.zscore(key, "bob"))
                    && Double.valueOf(25.5).equals(r.zscore(key, "ann")), () -> "caching node: " + r.zrangeWithScores(key, 0, -1));
            assertEquals(List.of("bob", "ann", "cid"), r.zrevrange(key, 0, -1));
            List<Tuple> top = r.zrevrangeWithScores(key, 0, 1);
            assertEquals(new Tuple("bob", 30.0), top.get(0));
            assertEquals(new Tuple("ann", 25.5), top.get(1));
            assertEquals(2L, r.zrank(key, "bob"));
            assertEquals(0L, r.zrevrank(key, "bob"));
            assertEquals(25.5, r.zscore(key, "ann"));
            assertNull(r.zscore(key, "nobody"));
            assertEquals(java.util.Arrays.asList(25.5, null), r.zmscore(key, "ann", "nobody"));
            assertEquals(2, r.zcount(key, 16, Double.POSITIVE_INFINITY));
            assertEquals(List.of("cid", "ann"), r.zrangeByScore(key, "(10", "26"));
            assertEquals(List.of("ann"), r.zrange(key, ZRangeParams.zrangeByScoreParams(0, 100).limit(1, 1)));
            assertEquals(1, w.zrem(key, "cid"));
            assertEquals(2, w.zcard(key));
            w.set("str" + resp, "x");
            JedisDataException e = assertThrows(JedisDataException.class, () -> w.zadd("str" + resp, 1, "a"));
            assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", e.getMessage());
        }
    }

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
    void lettuce_delayedJobSchedule(ProtocolVersion protocol) {
        String key = "schedule:" + protocol;
        lettuce(a, protocol, cmd -> {
            for (int i = 0; i < 300; i++) { // past the listpack limit: the skiplist encoding
                cmd.zadd(key, 1_000 + i, "job" + i);
            }
            assertEquals(1L, cmd.zadd(key, ZAddArgs.Builder.nx(), 5.0, "urgent"));
            assertEquals(0L, cmd.zadd(key, ZAddArgs.Builder.nx(), 1.0, "urgent"));
            assertEquals(6.5, cmd.zaddincr(key, 1.5, "urgent"));
            return null;
        });
        lettuce(b, protocol, cmd -> {
            Await.until(Fleet.CONVERGENCE, () -> Double.valueOf(6.5).equals(cmd.zscore(key, "urgent"))
                    && cmd.zcard(key) == 301, () -> "caching node: zcard " + cmd.zcard(key));
            assertEquals("skiplist", cmd.objectEncoding(key));
            List<ScoredValue<String>> due = cmd.zrangebyscoreWithScores(key, Range.create(0.0, 1_002.0));
            assertEquals(List.of(ScoredValue.just(6.5, "urgent"), ScoredValue.just(1_000, "job0"),
                    ScoredValue.just(1_001, "job1"), ScoredValue.just(1_002, "job2")), due);
            assertEquals(List.of("job3", "job4"),
                    cmd.zrangebyscore(key, Range.create(1_000.0, 2_000.0), Limit.create(3, 2)));
            assertEquals(List.of("job299"), cmd.zrevrangebyscore(key, Range.create(0.0, 5_000.0), Limit.create(0, 1)));
            assertEquals(4L, cmd.zremrangebyscore(key, Range.create(0.0, 1_002.0)));
            assertEquals(297L, cmd.zcard(key));
            assertEquals(0L, cmd.zrank(key, "job3"));
            assertEquals(List.of("a", "b"), lex(cmd, key));
            return null;
        });
    }

    private static List<String> lex(RedisCommands<String, String> cmd, String key) {
        String lexKey = key + ":lex";
        cmd.zadd(lexKey, 0, "c");
        cmd.zadd(lexKey, 0, "a");
        cmd.zadd(lexKey, 0, "b");
        return cmd.zrangebylex(lexKey, Range.create("a", "b"));
    }

    @Test
    void zincrby_fromManyClientsOnBothNodes_endsExact() throws Exception {
        int clients = 8;
        int each = 150;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Fleet.Node node = c % 2 == 0 ? a : b;
                int id = c;
                done.add(pool.submit(() -> {
                    try (Jedis j = jedis(node, 2)) {
                        for (int i = 0; i < each; i++) {
                            j.zincrby("race", 1, "m" + (i % 3));
                            j.zincrby("race", 0.5, "c" + id);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Jedis j = jedis(b, 2)) {
            Await.until(Fleet.CONVERGENCE, () -> j.zscore("race", "m0") == clients * each / 3.0
                    && j.zscore("race", "m2") == clients * each / 3.0, () -> "caching node: " + j.zrangeWithScores("race", 0, -1));
            for (int m = 0; m < 3; m++) {
                assertEquals(clients * each / 3.0, j.zscore("race", "m" + m));
            }
            for (int c = 0; c < clients; c++) {
                assertEquals(each * 0.5, j.zscore("race", "c" + c));
            }
            assertEquals(3 + clients, j.zcard("race"));
        }
    }
}
