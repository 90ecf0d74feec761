package io.goredis.command.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import io.goredis.Fleet;
import io.goredis.Race;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * MULTI / EXEC / WATCH across a fleet: two and three real goredis servers on one DynamoDB Local
 * table, some built as {@code --store dynamodb}, some as {@code --store caching}, driven by Jedis.
 * A transaction must be one atomic step across every node (README, Transactions).
 */
@Timeout(120)  // seconds per test: a hung EXEC or lock loop fails instead of stalling the build
class FleetTransactionsIT {

    private static final String TOO_MANY_KEYS = "ERR the transaction touches more than 100 keys";

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private Fleet fleet;

    @BeforeEach
    void emptyTable() {
        dynamo.truncate(dynamo.table());
        fleet = new Fleet(dynamo);
    }

    @AfterEach
    void stopNodes() throws Exception {
        fleet.close();
    }

    /** WATCH / GET / MULTI / SET / EXEC until EXEC commits; the number of attempts. */
    private static int watchedIncrement(Jedis j, String key) {
        for (int attempt = 1; ; attempt++) {
            assertTrue(attempt <= 1000, "EXEC never committed in 1000 attempts");
            j.watch(key);
            String v = j.get(key);
            Transaction t = j.multi();
            t.set(key, Long.toString((v == null ? 0 : Long.parseLong(v)) + 1));
            List<Object> r = t.exec();
            if (r != null) {
                assertEquals(List.of("OK"), r);
                return attempt;
            }
        }
    }

    /** Every node reads {@code expected} at {@code key}: at once on a dynamodb node, within the stream lag on a caching one. */
    private static void everyNodeReads(List<Fleet.Node> nodes, String key, String expected) {
        for (Fleet.Node n : nodes) {
            try (Jedis j = n.jedis()) {
                if (n.caching()) {
                    Await.until(Fleet.CONVERGENCE, () -> Objects.equals(expected, j.get(key)),
                            () -> n + " never read " + key + "=" + expected + " (reads " + j.get(key) + ")");
                } else {
                    assertEquals(expected, j.get(key), n + " " + key);
                }
            }
        }
    }

    private void watchLoops(List<Fleet.Node> nodes, int clientsPerNode, int rounds) throws Exception {
        int clients = nodes.size() * clientsPerNode;
        List<Integer> attempts = Race.run(clients, i -> nodes.get(i % nodes.size()).jedis(), (j, i) -> {
            int total = 0;
            for (int n = 0; n < rounds; n++) {
                total += watchedIncrement(j, "counter");
            }
            return total;
        });
        everyNodeReads(nodes, "counter", Integer.toString(clients * rounds));
        int all = attempts.stream().mapToInt(Integer::intValue).sum();
        assertTrue(all >= clients * rounds, "attempts " + all);
    }

    // ---------------------------------------------------------------- (a) optimistic increments

    @Test
    void watchIncrementLoops_twoNodes_dynamodbAndCaching_endExact() throws Exception {
        watchLoops(List.of(fleet.start("dynamodb"), fleet.start("caching")), 3, 10);
    }

    @Test
    void watchIncrementLoops_threeNodes_endExact() throws Exception {
        watchLoops(List.of(fleet.start("dynamodb"), fleet.start("caching"), fleet.start("caching")), 2, 10);
    }

    // ---------------------------------------------------------------- (b) no torn state

    /** What the writers and readers of {@link #pairWorkload} saw. */
    private record Workload(List<String> torn, List<String> aborted, int reads) {}

    private static final String ABORTED = "ERR transaction aborted";

    /**
     * Writers on two nodes each run MULTI INCR pair:a INCR pair:b INCR spread:n EXEC; readers on a
     * caching and a dynamodb node run a read-only MULTI GET of all six keys until the writers are
     * done. An EXEC that answers {@code -ERR transaction aborted ...} (nothing written) is recorded
     * and run again by the client. Asserts the totals are exact.
     */
    private Workload pairWorkload(int rounds, int readersPerNode) throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("caching");
        Fleet.Node c = fleet.start("caching");
        List<Fleet.Node> writerNodes = List.of(a, b, a, b);
        List<Fleet.Node> readerNodes = new ArrayList<>();
        for (int r = 0; r < readersPerNode; r++) {
            readerNodes.addAll(List.of(c, a));
        }
        int spread = 4;
        AtomicInteger writersLeft = new AtomicInteger(writerNodes.size());
        List<String> torn = Collections.synchronizedList(new ArrayList<>());
        List<String> aborted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reads = new AtomicInteger();
        int participants = writerNodes.size() + readerNodes.size();
        Race.run(participants, i -> i < writerNodes.size() ? writerNodes.get(i).jedis()
                : readerNodes.get(i - writerNodes.size()).jedis(), (j, i) -> {
            if (i < writerNodes.size()) {
                try {
                    for (int n = 0; n < rounds; n++) {
                        Transaction t = j.multi();
                        t.incr("pair:a");
                        t.incr("pair:b");
                        t.incr("spread:" + ((i + n) % spread));
                        List<Object> r;
                        try {
                            r = t.exec();
                        } catch (JedisDataException e) {
                            if (!e.getMessage().startsWith(ABORTED)) {
                                throw e;
                            }
                            aborted.add("writer on " + writerNodes.get(i) + ": " + e.getMessage());
                            n--;
                            continue;
                        }
                        if (!Objects.equals(r.get(0), r.get(1))) {
                            torn.add("writer " + i + " EXEC " + r);
                        }
                    }
                } finally {
                    writersLeft.decrementAndGet();
                }
            } else {
                Fleet.Node node = readerNodes.get(i - writerNodes.size());
                // at least a few reads even if the writers are done before this reader starts
                for (int ok = 0; writersLeft.get() > 0 || ok < 3; ) {
                    Transaction t = j.multi();
                    t.get("pair:a");
                    t.get("pair:b");
                    for (int s = 0; s < spread; s++) {
                        t.get("spread:" + s);
                    }
                    List<Object> r;
                    try {
                        r = t.exec();
                    } catch (JedisDataException e) {
                        if (!e.getMessage().startsWith(ABORTED)) {
                            throw e;
                        }
                        aborted.add("read-only MULTI on " + node + ": " + e.getMessage());
                        continue;
                    }
                    reads.incrementAndGet();
                    ok++;
                    long pa = number(r.get(0));
                    long pb = number(r.get(1));
                    long sum = 0;
                    for (int s = 0; s < spread; s++) {
                        sum += number(r.get(2 + s));
                    }
                    if (pa != pb || pa != sum) {
                        torn.add("reader on " + node + " EXEC " + r);
                    }
                }
            }
            return null;
        });
        String total = Integer.toString(writerNodes.size() * rounds);
        everyNodeReads(List.of(a, b, c), "pair:a", total);
        everyNodeReads(List.of(a, b, c), "pair:b", total);
        try (Jedis j = a.jedis()) {
            long sum = 0;
            for (String v : j.mget(IntStream.range(0, spread).mapToObj(s -> "spread:" + s).toArray(String[]::new))) {
                sum += Long.parseLong(v);
            }
            assertEquals(writerNodes.size() * rounds, sum);
        }
        return new Workload(List.copyOf(torn), List.copyOf(aborted), reads.get());
    }

    /** Every EXEC, on every node, sees pair:a = pair:b = the sum of the spread keys; totals are exact. */
    @Test
    void multiIncr_manyClientsOverNodes_exactTotals_noTornReads() throws Exception {
        Workload w = pairWorkload(6, 1);
        assertEquals(List.of(), w.torn());
        assertTrue(w.reads() >= 6, "reads " + w.reads());
    }

    /**
     * Redis never fails an EXEC for contention. goredis reruns a conflicting transaction at most 20
     * times and then answers {@code -ERR transaction aborted: the keys it touched kept changing (gave
     * up after 20 attempts)}; with only four writers and four readers on six keys, EXECs (mostly
     * read-only ones, sometimes a writer's) hit that, on dynamodb and caching nodes (each after
     * ~15 s on this 2-core machine).
     */
    @Test
    void multiIncr_underContention_noExecIsAborted() throws Exception {
        Workload w = pairWorkload(15, 2);
        assertEquals(List.of(), w.aborted());
    }

    private static long number(Object bulk) {
        return bulk == null ? 0 : Long.parseLong((String) bulk);
    }

    /**
     * MULTI SET k v NX EXEC on a caching node that has k cached, right after another node's DEL of k
     * was acknowledged: Redis answers [OK], and so does the same plain SET NX on that node (a
     * conditional write on the table). goredis's transaction reads the stale cached copy, sees k,
     * writes nothing, and a transaction with a single read is never validated: it answers [nil].
     */
    @Test
    void multiSetNx_onCachingNode_rightAfterDeleteOnAnotherNode_wins() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("caching");
        List<String> lost = new ArrayList<>();
        try (Jedis ja = a.jedis(); Jedis jb = b.jedis()) {
            for (int round = 0; round < 5; round++) {
                String key = "held" + round;
                ja.set(key, "a");
                everyNodeReads(List.of(b), key, "a");
                assertEquals(1L, ja.del(key));
                Transaction t = jb.multi();
                t.set(key, "b", SetParams.setParams().nx());
                List<Object> r = t.exec();
                if (!List.of("OK").equals(r)) {
                    lost.add("round " + round + ": " + r);
                }
            }
        }
        assertEquals(List.of(), lost);
    }

    // ---------------------------------------------------------------- (c) the 100-key limit

    private static String[] keys(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toArray(String[]::new);
    }

    @Test
    void hundredKeyTransaction_commits_andIsVisibleFromOtherNodes() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("dynamodb");
        Fleet.Node c = fleet.start("caching");
        String[] keys = keys("k", 100);
        List<String> values = new ArrayList<>();
        try (Jedis ja = a.jedis(); Jedis jb = b.jedis(); Jedis jc = c.jedis()) {
            Transaction t = ja.multi();
            for (String k : keys) {
                t.set(k, "v-" + k);
                values.add("v-" + k);
            }
            List<Object> r = t.exec();
            assertEquals(Collections.nCopies(100, "OK"), r);
            assertEquals(values, jb.mget(keys));
            Await.until(Fleet.CONVERGENCE, () -> values.equals(jc.mget(keys)), () -> "the caching node never read all 100 keys");

            // 100 distinct keys again, from the caching node: 50 read and written, 50 only incremented
            Transaction u = jc.multi();
            for (int i = 0; i < 50; i++) {
                u.get(keys[i]);
                u.set(keys[i], "w" + i);
            }
            for (int i = 50; i < 100; i++) {
                u.incr("n" + i);
            }
            List<Object> r2 = u.exec();
            assertEquals(150, r2.size());
            assertEquals("v-k0", r2.get(0));
            assertEquals(1L, r2.get(149));
            assertEquals("w0", jb.get("k0"));
            assertEquals("1", jb.get("n99"));
            assertEquals("v-k50", jb.get("k50"));
        }
    }

    @Test
    void hundredAndOneKeys_refused_nothingWritten() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node c = fleet.start("caching");
        for (Fleet.Node node : List.of(a, c)) {
            Fleet.Node other = node == a ? c : a;
            String[] keys = keys(node.store() + ":x", 101);
            try (Jedis j = node.jedis(); Jedis o = other.jedis()) {
                Transaction t = j.multi();
                for (String k : keys) {
                    t.set(k, "v");
                }
                JedisDataException e = assertThrows(JedisDataException.class, t::exec);
                assertTrue(e.getMessage().startsWith(TOO_MANY_KEYS), node + ": " + e.getMessage());
                assertEquals(0L, o.exists(keys));
                assertEquals(0L, j.exists(keys));

                // 100 writes and one read of another key are 101 keys too
                String[] hundred = keys(node.store() + ":y", 100);
                t = j.multi();
                for (String k : hundred) {
                    t.set(k, "v");
                }
                t.get(node.store() + ":other");
                e = assertThrows(JedisDataException.class, t::exec);
                assertTrue(e.getMessage().startsWith(TOO_MANY_KEYS), node + ": " + e.getMessage());
                assertEquals(0L, o.exists(hundred));
                assertEquals("PONG", j.ping());
            }
        }
        try (Jedis j = a.jedis()) {
            assertEquals(0L, j.dbSize());
        }
    }

    // ---------------------------------------------------------------- (d) WATCH across nodes

    @Test
    void watchedKeyWrittenOnAnotherNode_execIsNull() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("caching");
        for (Fleet.Node watcherNode : List.of(a, b)) {
            Fleet.Node writerNode = watcherNode == a ? b : a;
            String key = "w:" + watcherNode.store();
            try (Jedis watcher = watcherNode.jedis(); Jedis writer = writerNode.jedis()) {
                writer.set(key, "1");
                everyNodeReads(List.of(watcherNode), key, "1");

                // a different value
                watcher.watch(key);
                assertEquals("1", watcher.get(key));
                writer.set(key, "2");
                Transaction t = watcher.multi();
                t.set(key, "mine");
                assertNull(t.exec(), watcherNode + " committed over " + writerNode + "'s write");
                assertEquals("2", writer.get(key));

                // the same value still counts as a write
                everyNodeReads(List.of(watcherNode), key, "2");
                watcher.watch(key);
                writer.set(key, "2");
                t = watcher.multi();
                t.incr(key);
                assertNull(t.exec(), watcherNode + ": a rewrite of the same value is a write");

                // a delete
                watcher.watch(key);
                assertEquals(1L, writer.del(key));
                t = watcher.multi();
                t.set(key, "mine");
                assertNull(t.exec(), watcherNode + ": a delete is a write");
                assertNull(writer.get(key));

                // an absent key created elsewhere
                everyNodeReads(List.of(watcherNode), key, null);
                watcher.watch(key);
                writer.set(key, "created");
                t = watcher.multi();
                t.set(key, "mine");
                assertNull(t.exec(), watcherNode + ": a creation is a write");
                assertEquals("created", writer.get(key));

                // nobody writes: it commits, and the other node sees it
                everyNodeReads(List.of(watcherNode), key, "created");
                watcher.watch(key);
                t = watcher.multi();
                t.set(key, "mine");
                assertNotNull(t.exec(), watcherNode + ": nothing touched the watched key");
                everyNodeReads(List.of(writerNode), key, "mine");
            }
        }
    }
}
