package io.goredis.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import io.goredis.StoreFactory;
import io.goredis.config.Config;
import io.goredis.server.Server;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Three real goredis servers, built as {@code --store caching} builds them, on one DynamoDB Local
 * table, driven by Jedis: what a client of a three-node cluster sees.
 */
class CachingServersIT {

    /** How long a node may take to follow the stream or see another node's write. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(15);

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    @BeforeEach
    void startThreeNodes() throws IOException {
        dynamo.truncate(dynamo.table());
        Config config = Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1", "--store", "caching",
                "--table", dynamo.table(), "--dynamodb-endpoint", dynamo.endpoint().toString(),
                "--poll-interval", "20", "--cache-max-memory", "16mb"}, Map.of());
        for (int i = 0; i < 3; i++) {
            Store store = StoreFactory.create(config, Clock.systemUTC());
            open.add(store);
            Server server = Server.start(config, store, Clock.systemUTC());
            open.add(0, server);
            ports.add(server.port());
        }
        for (int port : ports) {
            try (Jedis j = new Jedis("127.0.0.1", port, 20_000)) {
                Await.until(CONVERGENCE, () -> j.info("store").contains("cache_coherent:1"), () -> "node " + port + " never followed the stream");
            }
        }
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Jedis client(int node) {
        return new Jedis("127.0.0.1", ports.get(node), 20_000); // generous: CI machines can be slow
    }

    @Test
    void setOnA_getOnBandC_thenDelete() {
        try (Jedis a = client(0); Jedis b = client(1); Jedis c = client(2)) {
            assertEquals("OK", a.set("greeting", "hello"));
            assertEquals("hello", a.get("greeting"));
            Await.until(CONVERGENCE, () -> "hello".equals(b.get("greeting")), () -> "B never read hello");
            Await.until(CONVERGENCE, () -> "hello".equals(c.get("greeting")), () -> "C never read hello");
            assertEquals("OK", b.set("greeting", "bonjour"));
            Await.until(CONVERGENCE, () -> "bonjour".equals(a.get("greeting")), () -> "A never read bonjour");
            Await.until(CONVERGENCE, () -> "bonjour".equals(c.get("greeting")), () -> "C never read bonjour");
            assertEquals(1L, c.del("greeting"));
            Await.until(CONVERGENCE, () -> a.get("greeting") == null, () -> "A still reads the deleted key");
            Await.until(CONVERGENCE, () -> b.get("greeting") == null, () -> "B still reads the deleted key");
            assertNull(c.get("greeting"));
        }
    }

    @Test
    void expiry_propagatesAndIsHonoured() {
        try (Jedis a = client(0); Jedis b = client(1)) {
            a.set("session", "x");
            Await.until(CONVERGENCE, () -> "x".equals(b.get("session")), () -> "B never read the key");
            assertEquals(1L, a.pexpire("session", 200));
            Await.until(CONVERGENCE, () -> b.pttl("session") > 0 || b.get("session") == null, () -> "B never saw the expiry");
            Await.until(CONVERGENCE, () -> b.get("session") == null, () -> "B served an expired key");
            assertNull(a.get("session"));
        }
    }

    @Test
    void incr_acrossNodes_isAtomic() throws Exception {
        int clientsPerNode = 2;
        int increments = 10;
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int node = 0; node < 3; node++) {
                for (int i = 0; i < clientsPerNode; i++) {
                    int n = node;
                    futures.add(pool.submit(() -> {
                        try (Jedis j = client(n)) {
                            for (int k = 0; k < increments; k++) {
                                j.incr("counter");
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        String expected = Integer.toString(3 * clientsPerNode * increments);
        for (int node = 0; node < 3; node++) {
            try (Jedis j = client(node)) {
                Await.until(CONVERGENCE, () -> Objects.equals(expected, j.get("counter")), () -> "a node never read " + expected);
            }
        }
    }

    @Test
    void info_hasCacheSection() {
        try (Jedis a = client(0)) {
            a.set("k", "v");
            a.get("k");
            a.get("missing");
            String info = a.info("store");
            assertTrue(info.contains("# Cache\r\n"), info);
            assertTrue(info.contains("cache_hits:"), info);
            assertTrue(info.contains("cache_misses:"), info);
            assertTrue(info.contains("cache_coherent:1\r\n"), info);
            assertTrue(info.contains("cache_stream_shards_followed:1\r\n"), info);
        }
    }
}
