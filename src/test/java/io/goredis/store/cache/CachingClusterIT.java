package io.goredis.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import io.goredis.store.dynamo.DynamoStore;
import io.goredis.store.dynamo.ItemCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

/**
 * Three caching nodes on one DynamoDB Local table, each with its own stream poller and cache, as
 * three goredis processes would be: propagation, deletes and expiries, a randomized concurrent
 * workload followed by the convergence check, and a follower restarted mid-stream.
 */
class CachingClusterIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private static final Duration PROPAGATION_DEADLINE = Duration.ofSeconds(10);

    private final Clock clock = Clock.systemUTC();
    private final List<Store> open = new ArrayList<>();
    private DynamoStore table;
    private CachingStore a;
    private CachingStore b;
    private CachingStore c;

    @BeforeEach
    void startNodes() {
        dynamo.truncate(dynamo.table());
        table = dynamo.newStore(clock);
        a = node();
        b = node();
        c = node();
    }

    @AfterEach
    void stopNodes() {
        open.forEach(Store::close);
        table.close();
    }

    private CachingStore node() {
        CachingStore n = CacheNodes.node(dynamo.client(), dynamo.newStreamsClient(), dynamo.table(), clock, CachingStore.DEFAULT_MAX_BYTES);
        open.add(n);
        return n;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(Optional<Entry> e) {
        return e.map(x -> new String(x.bytes(), StandardCharsets.UTF_8)).orElse(null);
    }

    /** Polls (with a deadline) until {@code node} reads {@code expected} for {@code key}. */
    private static void awaitValue(Store node, String key, String expected) {
        Await.until(PROPAGATION_DEADLINE, () -> Objects.equals(expected, str(node.get(0, bytes(key)))),
                () -> "node never read " + expected + " for " + key + ", last: " + str(node.get(0, bytes(key))));
    }

    /**
     * Reads {@code key} on {@code node} until it is served from the cache. A fill that raced the
     * stream event of the write it read is (deliberately) not installed, so the first read after a
     * write on another node may have to be repeated. Returns the node's miss count then.
     */
    private static long awaitCached(CachingStore node, String key, String expected) {
        Await.until(PROPAGATION_DEADLINE, () -> {
            long hits = node.cache().hits();
            String got = str(node.get(0, bytes(key)));
            return Objects.equals(expected, got) && node.cache().hits() > hits;
        }, () -> "node never cached " + key);
        return node.cache().misses();
    }

    @Test
    void setOnA_isReadOnBandC() {
        a.put(0, bytes("k"), bytes("v1"), Entry.NO_EXPIRY);
        // B and C cache v1 (a miss each), so v2 must reach them through the stream, not a miss
        long bMisses = awaitCached(b, "k", "v1");
        long cMisses = awaitCached(c, "k", "v1");
        a.put(0, bytes("k"), bytes("v2"), Entry.NO_EXPIRY);
        assertEquals("v2", str(a.get(0, bytes("k"))), "read-your-writes on A");
        awaitValue(b, "k", "v2");
        awaitValue(c, "k", "v2");
        assertEquals(bMisses, b.cache().misses(), "B served v2 from its cache, updated by the stream");
        assertEquals(cMisses, c.cache().misses(), "C likewise");
        assertTrue(b.cache().eventsApplied() >= 1);
    }

    @Test
    void deleteOnA_propagates() {
        a.put(0, bytes("k"), bytes("v"), Entry.NO_EXPIRY);
        long misses = awaitCached(b, "k", "v");
        assertTrue(a.delete(0, bytes("k")));
        awaitValue(b, "k", null);
        assertEquals(misses, b.cache().misses(), "the tombstone came through the stream");
    }

    @Test
    void expireOnA_propagates() {
        a.put(0, bytes("k"), bytes("v"), Entry.NO_EXPIRY);
        long misses = awaitCached(b, "k", "v");
        long at = clock.millis() + 300;
        a.update(0, bytes("k"), cur -> Decision.put(cur.orElseThrow().value(), at, null));
        Await.until(PROPAGATION_DEADLINE, () -> b.get(0, bytes("k")).map(Entry::expireAtMillis).orElse(at) == at, () -> "expiry never reached B");
        assertEquals(misses, b.cache().misses(), "the new expiry came through the stream");
        awaitValue(b, "k", null);
    }

    @Test
    void itemRemovedFromTable_propagatesAsRemove() {
        // what DynamoDB's TTL sweeper does: the item leaves the table, the stream carries a REMOVE
        a.put(0, bytes("k"), bytes("v"), Entry.NO_EXPIRY);
        awaitCached(b, "k", "v");
        dynamo.client().deleteItem(DeleteItemRequest.builder().tableName(dynamo.table())
                .key(Map.of(ItemCodec.PK, new ItemCodec().pk(0, bytes("k")))).build());
        awaitValue(b, "k", null);
        awaitValue(a, "k", null);
    }

    /**
     * Rules 2, 3 and 5 under load: many clients over all three nodes doing SET, DEL, APPEND, INCR and
     * EXPIRE on a few hot keys, reads interleaved; node B is restarted in the middle. Once writes
     * stop, every node must read exactly what the table holds.
     */
    @Test
    void randomConcurrentWorkload_withFollowerRestart_converges() throws Exception {
        int clients = 8;
        int opsPerClient = 60;
        int keys = 8;
        AtomicReferenceArray<CachingStore> nodes = new AtomicReferenceArray<>(new CachingStore[] {a, b, c});
        AtomicInteger done = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(clients * opsPerClient / 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                Random rnd = new Random(1000 + i);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int op = 0; op < opsPerClient; op++) {
                        Store node = nodes.get(rnd.nextInt(3));
                        byte[] key = bytes("k" + rnd.nextInt(keys));
                        try {
                            randomOp(node, key, rnd);
                        } catch (io.goredis.store.StoreException e) {
                            // a closed node during B's restart, or a backoff exhausted under contention: both fine
                        }
                        done.incrementAndGet();
                        halfway.countDown();
                    }
                    return null;
                }));
            }
            start.countDown();
            halfway.await();
            // restart the follower of node B mid-stream: a new process, empty cache, LATEST
            CachingStore old = nodes.get(1);
            CachingStore restarted = node();
            nodes.set(1, restarted);
            old.close();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertEquals(clients * opsPerClient, done.get());
        List<Store> finalNodes = List.of(nodes.get(0), nodes.get(1), nodes.get(2));
        Await.until(PROPAGATION_DEADLINE, () -> converged(finalNodes, keys), () -> "nodes did not converge: " + snapshot(finalNodes, keys));
    }

    private void randomOp(Store node, byte[] key, Random rnd) {
        switch (rnd.nextInt(7)) {
            case 0 -> node.put(0, key, bytes("s" + rnd.nextInt(1000)), Entry.NO_EXPIRY);
            case 1 -> node.delete(0, key);
            case 2 -> node.update(0, key, cur -> Decision.put(
                    bytes(cur.map(e -> new String(e.bytes(), StandardCharsets.UTF_8)).orElse("") + "a"),
                    cur.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY), null));
            case 3 -> node.update(0, key, cur -> {
                long n;
                try {
                    n = cur.map(e -> Long.parseLong(new String(e.bytes(), StandardCharsets.UTF_8))).orElse(0L);
                } catch (NumberFormatException e) {
                    return Decision.keep(null); // INCR on a non-integer: an error, nothing written
                }
                return Decision.put(bytes(Long.toString(n + 1)), cur.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY), null);
            });
            case 4 -> {
                long at = clock.millis() + 50 + rnd.nextInt(1500);
                node.update(0, key, cur -> cur.isEmpty() ? Decision.keep(null) : Decision.put(cur.get().value(), at, null));
            }
            default -> node.get(0, key);
        }
    }

    private boolean converged(List<Store> nodes, int keys) {
        for (int k = 0; k < keys; k++) {
            byte[] key = bytes("k" + k);
            String truth = str(table.get(0, key));
            for (Store n : nodes) {
                if (!Objects.equals(truth, str(n.get(0, key)))) {
                    return false;
                }
            }
            if (!Objects.equals(truth, str(table.get(0, key)))) {
                return false; // the key expired while we compared: compare again
            }
        }
        return true;
    }

    private String snapshot(List<Store> nodes, int keys) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < keys; k++) {
            byte[] key = bytes("k" + k);
            sb.append("k").append(k).append(": table=").append(str(table.get(0, key)));
            for (Store n : nodes) {
                sb.append(' ').append(str(n.get(0, key)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
