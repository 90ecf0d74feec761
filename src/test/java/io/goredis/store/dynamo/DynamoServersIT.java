package io.goredis.store.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Race;
import io.goredis.StoreFactory;
import io.goredis.config.Config;
import io.goredis.server.Server;
import io.goredis.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * Two real goredis servers (as {@code --store dynamodb} builds them) on one DynamoDB Local table,
 * driven by Jedis clients: atomicity across nodes, limits and failures as a client sees them.
 */
class DynamoServersIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private final List<AutoCloseable> open = new ArrayList<>();
    private int portA;
    private int portB;

    private Config config(String... extra) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--bind", "127.0.0.1", "--store", "dynamodb",
                "--table", dynamo.table(), "--dynamodb-endpoint", dynamo.endpoint().toString()));
        args.addAll(List.of(extra));
        return Config.parse(args.toArray(String[]::new), Map.of());
    }

    private int startNode(Config config) throws IOException {
        Store store = StoreFactory.create(config, Clock.systemUTC());
        open.add(store);
        Server server = Server.start(config, store, Clock.systemUTC());
        open.add(0, server);
        return server.port();
    }

    @BeforeEach
    void startTwoNodes() throws IOException {
        dynamo.truncate(dynamo.table());
        portA = startNode(config());
        portB = startNode(config());
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private void race(int perNode, Client body) throws Exception {
        Race.run(2 * perNode, i -> new Jedis("127.0.0.1", i % 2 == 0 ? portA : portB, 30_000), (jedis, i) -> {
            body.run(jedis, i);
            return null;
        });
    }

    private interface Client {
        void run(Jedis jedis, int index) throws Exception;
    }

    @Test
    void incr_tenClientsPerNodeHundredEach_exactly2000() throws Exception {
        race(10, (jedis, i) -> {
            for (int n = 0; n < 100; n++) {
                jedis.incr("counter");
            }
        });
        try (Jedis a = new Jedis("127.0.0.1", portA); Jedis b = new Jedis("127.0.0.1", portB)) {
            assertEquals("2000", a.get("counter"));
            assertEquals("2000", b.get("counter"));
        }
    }

    @Test
    void setNx_twentyClientsOverTwoNodes_exactlyOneWinner() throws Exception {
        AtomicInteger winners = new AtomicInteger();
        race(10, (jedis, i) -> {
            if ("OK".equals(jedis.set("lock", "client-" + i, SetParams.setParams().nx()))) {
                winners.incrementAndGet();
            }
        });
        assertEquals(1, winners.get());
    }

    @Test
    void writesOnOneNode_readOnTheOther_everyCommandFamily() {
        try (Jedis a = new Jedis("127.0.0.1", portA); Jedis b = new Jedis("127.0.0.1", portB)) {
            a.set("k", "v");
            assertEquals("v", b.get("k"));
            a.append("k", "w");
            assertEquals("vw", b.getSet("k", "x"));
            a.mset("m1", "1", "m2", "2");
            assertEquals(List.of("1", "2"), b.mget("m1", "m2"));
            assertEquals(0, b.msetnx("m1", "9", "m3", "3"));
            assertNull(a.get("m3"));
            b.rename("m1", "r1");
            assertEquals("1", a.get("r1"));
            assertEquals(3, a.dbSize());
            assertEquals(3, b.dbSize());
            assertEquals(1, b.del("k"));
            assertNull(a.get("k"));
            a.set("k", "again");
            assertEquals("again", b.get("k"));
        }
    }

    @Test
    void limits_answeredBeforeWriting() {
        try (Jedis a = new Jedis("127.0.0.1", portA)) {
            JedisDataException big = assertThrows(JedisDataException.class, () -> a.set("big", "x".repeat(400 * 1024)));
            assertEquals("ERR value too large for the DynamoDB store (max 400 KB item)", big.getMessage());
            String[] kv = new String[2 * 101];
            for (int i = 0; i < 101; i++) {
                kv[2 * i] = "k" + i;
                kv[2 * i + 1] = "v";
            }
            JedisDataException many = assertThrows(JedisDataException.class, () -> a.mset(kv));
            assertEquals("ERR too many keys for one DynamoDB transaction (max 100, got 101)", many.getMessage());
            assertEquals(0, a.dbSize());
            JedisDataException swap = assertThrows(JedisDataException.class, () -> a.swapDB(0, 1));
            assertEquals("ERR SWAPDB is not supported by the DynamoDB store", swap.getMessage());
            assertEquals("PONG", a.ping());
        }
    }

    @Test
    void missingTable_oneLineStartupError() {
        Config missing = Config.parse(new String[] {"--store", "dynamodb", "--table", "not-there",
                "--dynamodb-endpoint", dynamo.endpoint().toString()}, Map.of());
        RuntimeException e = assertThrows(RuntimeException.class, () -> StoreFactory.create(missing, Clock.systemUTC()));
        assertEquals("DynamoDB table 'not-there' does not exist (start with --create-table to create it)", e.getMessage());
    }

    @Test
    void dynamoDbDownThenBack_sessionStaysOpenAndRecovers() throws Exception {
        DynamoDbLocal local = DynamoDbLocal.start(0);
        int port = local.port();
        DynamoSettings settings = DynamoSettings.of("flaky").withEndpoint(local.endpoint()).withCreateTable(true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
        Store store = DynamoStore.open(settings, Clock.systemUTC());
        open.add(store);
        Server server = Server.start(config(), store, Clock.systemUTC());
        open.add(0, server);
        try (Jedis jedis = new Jedis("127.0.0.1", server.port(), 10_000)) {
            jedis.set("k", "v");
            local.close();
            JedisDataException down = assertThrows(JedisDataException.class, () -> jedis.get("k"));
            assertTrue(down.getMessage().startsWith("ERR DynamoDB read failed: "), down.getMessage());
            JedisDataException write = assertThrows(JedisDataException.class, () -> jedis.set("k", "w"));
            assertTrue(write.getMessage().startsWith("ERR DynamoDB write failed: "), write.getMessage());
            assertEquals("PONG", jedis.ping());

            DynamoDbLocal back = DynamoDbLocal.start(port);  // in-memory: the table comes back empty
            open.add(back);
            try (var client = DynamoClients.dynamoDb(settings, DynamoClients.httpClient(settings))) {
                new TableSetup(client, "flaky", Clock.systemUTC(), Duration.ofSeconds(10)).ensure(true);
            }
            assertNull(jedis.get("k"));
            assertEquals("OK", jedis.set("k", "back"));
            assertEquals("back", jedis.get("k"));
        }
    }
}
