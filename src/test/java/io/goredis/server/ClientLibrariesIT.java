package io.goredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** Jedis (RESP2) and Lettuce (opens with HELLO 3) connect, authenticate and talk to goredis. */
class ClientLibrariesIT {

    @RegisterExtension
    static final GoRedisServerExtension goredis = new GoRedisServerExtension().env(Map.of("REDIS_PASSWORD", "bacon"));

    @Test
    void jedis_connectAuthAndServerCommands() {
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", goredis.port()),
                DefaultJedisClientConfig.builder().password("bacon").clientName("jedis-it").build())) {
            assertEquals("PONG", jedis.ping());
            assertEquals("hi", jedis.echo("hi"));
            assertEquals("jedis-it", jedis.clientGetname());
            assertTrue(jedis.clientId() > 0);
            assertTrue(jedis.info("server").contains("redis_version:7.0.15"));
            assertEquals(Map.of("maxclients", "10000"), jedis.configGet("maxclients"));
            assertEquals("OK", jedis.select(3));
            assertEquals(2, jedis.time().size());
            JedisDataException e = assertThrows(JedisDataException.class, () -> jedis.select(16));
            assertEquals("ERR DB index is out of range", e.getMessage());
        }
    }

    @Test
    void jedis_wrongPassword() {
        try (Jedis jedis = new Jedis("127.0.0.1", goredis.port())) {
            JedisDataException e = assertThrows(JedisDataException.class, () -> jedis.auth("cabbage"));
            assertEquals("WRONGPASS invalid username-password pair or user is disabled.", e.getMessage());
            assertThrows(JedisDataException.class, jedis::ping);
        }
    }

    @Test
    void lettuce_resp3HandshakeAndCommands() {
        RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(goredis.port())
                .withPassword("bacon".toCharArray()).withClientName("lettuce-it")
                .withTimeout(Duration.ofSeconds(5)).build();
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> cmd = conn.sync();
            assertEquals("PONG", cmd.ping());
            assertEquals("hi", cmd.echo("hi"));
            assertEquals("lettuce-it", cmd.clientGetname());
            assertTrue(cmd.info("server").contains("redis_mode:standalone"));
            assertEquals(Map.of("maxclients", "10000"), cmd.configGet("maxclients"));
            assertTrue(cmd.clientList().contains("name=lettuce-it"));
            assertTrue(cmd.clientList().contains("resp=3"));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
