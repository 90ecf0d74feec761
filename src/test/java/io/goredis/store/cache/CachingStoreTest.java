package io.goredis.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import io.goredis.store.memory.InMemoryStore;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coherence rules of the caching store, each on its own, with the in-memory store as the shared
 * table and a hand-driven change feed: "node" is the store under test, "table" is what another node
 * writes to directly, and the test decides when the feed delivers.
 */
class CachingStoreTest {

    private final MutableClock clock = new MutableClock(1_000_000);
    private final InMemoryStore table = new InMemoryStore(clock);
    private final ManualSource feed = new ManualSource(true);
    private final List<Store> toClose = new ArrayList<>();

    private CachingStore node(Store delegate, ChangeSource source) {
        CachingStore s = new CachingStore(delegate, source,
                new CoherentCache(CachingStore.DEFAULT_MAX_BYTES, CachingStore.ABSENT_RETENTION, clock, Runnable::run), clock);
        toClose.add(s);
        return s;
    }

    private CachingStore node() {
        return node(table, feed);
    }

    @AfterEach
    void closeAll() {
        toClose.forEach(Store::close);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(Optional<Entry> e) {
        return e.map(x -> new String(x.bytes(), StandardCharsets.UTF_8)).orElse(null);
    }

    /** Another node's SET: written to the table; the feed delivers it when the test says. */
    private ChangeEvent otherNodeSets(String key, String value) {
        long v = table.put(0, b(key), b(value), Entry.NO_EXPIRY);
        return ChangeEvent.put(0, b(key), new Entry(b(value), Entry.NO_EXPIRY, v));
    }

    private ChangeEvent otherNodeDeletes(String key) {
        long v = table.get(0, b(key)).orElseThrow().version();
        table.delete(0, b(key));
        return ChangeEvent.delete(0, b(key), v);
    }

    // ---- rule 1: read-your-writes ---------------------------------------------------------------

    @Test
    void put_thenGet_servesOwnWriteFromCache() {
        CachingStore node = node();
        long v = node.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        assertEquals("v", str(node.get(0, b("k"))));
        assertEquals(v, node.get(0, b("k")).orElseThrow().version());
        assertEquals(2, node.cache().hits());
        assertEquals(0, node.cache().misses());
    }

    @Test
    void put_overCachedOlderValue_readsOwnWrite() {
        CachingStore node = node();
        ChangeEvent old = otherNodeSets("k", "old");
        assertEquals("old", str(node.get(0, b("k"))));
        node.put(0, b("k"), b("mine"), Entry.NO_EXPIRY);
        feed.deliver(old); // the other node's older write arrives late
        assertEquals("mine", str(node.get(0, b("k"))));
    }

    @Test
    void update_fromPresent_readsOwnWriteWithoutTableRead() {
        CachingStore node = node();
        node.put(0, b("n"), b("1"), Entry.NO_EXPIRY);
        long before = node.get(0, b("n")).orElseThrow().version();
        node.update(0, b("n"), cur -> Decision.put(b("2"), Entry.NO_EXPIRY, null));
        Entry e = node.get(0, b("n")).orElseThrow();
        assertEquals("2", new String(e.bytes(), StandardCharsets.UTF_8));
        assertTrue(e.version() > before);
        assertEquals(0, node.cache().misses());
    }

    @Test
    void update_fromAbsent_readsOwnWrite() {
        CachingStore node = node();
        node.update(0, b("n"), cur -> Decision.put(b("1"), Entry.NO_EXPIRY, null));
        assertEquals("1", str(node.get(0, b("n"))));
    }

    @Test
    void delete_thenGet_absentEvenIfOlderEventArrives() {
        CachingStore node = node();
        ChangeEvent set = otherNodeSets("k", "v");
        assertEquals("v", str(node.get(0, b("k"))));
        assertTrue(node.delete(0, b("k")));
        feed.deliver(set);
        assertEquals(null, str(node.get(0, b("k"))));
    }

    @Test
    void update_delete_cachesVersionedAbsence() {
        CachingStore node = node();
        ChangeEvent set = otherNodeSets("k", "v");
        node.get(0, b("k"));
        assertEquals("v", node.update(0, b("k"), cur -> Decision.delete(str(cur))));
        feed.deliver(set);
        assertEquals(null, str(node.get(0, b("k"))));
        assertEquals(1, node.cache().misses(), "the absence is served from the cache");
    }

    @Test
    void updateAll_readsOwnWrites() {
        CachingStore node = node();
        node.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        node.updateAll(List.of(new KeyRef(0, b("a")), new KeyRef(1, b("b"))),
                cur -> new Decision.Multi<>(List.of(Mutation.DELETE, Mutation.put(b("2"), Entry.NO_EXPIRY)), null));
        assertEquals(null, str(node.get(0, b("a"))));
        assertEquals("2", str(node.get(1, b("b"))));
    }

    @Test
    void update_keep_cachesWhatItSaw() {
        CachingStore node = node();
        otherNodeSets("k", "v");
        assertEquals("v", node.update(0, b("k"), cur -> Decision.keep(str(cur))));
        assertEquals("v", str(node.get(0, b("k"))));
        assertEquals(0, node.cache().misses());
    }

    // ---- rule 2: monotonic reads ----------------------------------------------------------------

    @Test
    void olderEvent_afterNewerServed_isDropped() {
        CachingStore node = node();
        ChangeEvent v1 = otherNodeSets("k", "v1");
        ChangeEvent v2 = otherNodeSets("k", "v2");
        assertEquals("v2", str(node.get(0, b("k"))));
        feed.deliver(v1);
        assertEquals("v2", str(node.get(0, b("k"))));
        feed.deliver(v2);
        assertEquals("v2", str(node.get(0, b("k"))));
    }

    @Test
    void newerEvent_replacesCachedValue() {
        CachingStore node = node();
        otherNodeSets("k", "v1");
        assertEquals("v1", str(node.get(0, b("k"))));
        feed.deliver(otherNodeSets("k", "v2"));
        assertEquals("v2", str(node.get(0, b("k"))));
        assertEquals(1, node.cache().misses());
    }

    // ---- rule 3: the read-miss-fill race --------------------------------------------------------

    /** A table whose reads pause after reading, until released: a slow fill. */
    private static Store slowReads(Store inner, CountDownLatch reached, CountDownLatch release) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (p, m, args) -> {
            Object r = m.invoke(inner, args);
            if (m.getName().equals("get")) {
                reached.countDown();
                assertTrue(release.await(10, TimeUnit.SECONDS));
            }
            return r;
        });
    }

    private void slowFillRacedBy(ChangeEventSupplier change, String expectedAfter) throws Exception {
        otherNodeSets("k", "old");
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CachingStore node = node(slowReads(table, reached, release), feed);
        CompletableFuture<Optional<Entry>> fill = CompletableFuture.supplyAsync(() -> node.get(0, b("k")));
        assertTrue(reached.await(10, TimeUnit.SECONDS));
        // the fill has read "old"; meanwhile the change commits and the stream delivers it
        feed.deliver(change.get());
        release.countDown();
        assertEquals("old", str(fill.get(10, TimeUnit.SECONDS)), "the slow reader itself saw the state it read");
        // every later read sees the change, never the slow fill's older value
        assertEquals(expectedAfter, str(readDirectly(node)));
    }

    /** A read on the node that does not pause (the proxy's latch is already released). */
    private static Optional<Entry> readDirectly(CachingStore node) {
        return node.get(0, b("k"));
    }

    @FunctionalInterface
    private interface ChangeEventSupplier {
        ChangeEvent get();
    }

    @Test
    void slowFill_racedByWrite_neverInstallsOlderValue() throws Exception {
        slowFillRacedBy(() -> otherNodeSets("k", "new"), "new");
    }

    @Test
    void slowFill_racedByDelete_neverInstallsOlderValue() throws Exception {
        slowFillRacedBy(() -> otherNodeDeletes("k"), null);
    }

    @Test
    void slowFill_racedByOwnWrite_neverInstallsOlderValue() throws Exception {
        otherNodeSets("k", "old");
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CachingStore node = node(slowReads(table, reached, release), feed);
        CompletableFuture<Optional<Entry>> fill = CompletableFuture.supplyAsync(() -> node.get(0, b("k")));
        assertTrue(reached.await(10, TimeUnit.SECONDS));
        node.put(0, b("k"), b("mine"), Entry.NO_EXPIRY);
        release.countDown();
        fill.get(10, TimeUnit.SECONDS);
        assertEquals("mine", str(node.get(0, b("k"))));
    }

    // ---- rule 4: deletes and expiries propagate -------------------------------------------------

    @Test
    void deleteEvent_fromOtherNode_propagates() {
        CachingStore node = node();
        otherNodeSets("k", "v");
        assertEquals("v", str(node.get(0, b("k"))));
        feed.deliver(otherNodeDeletes("k"));
        assertEquals(null, str(node.get(0, b("k"))));
        assertEquals(1, node.cache().misses(), "served from the cached tombstone");
    }

    @Test
    void ttlRemoval_propagates() {
        CachingStore node = node();
        ChangeEvent set = otherNodeSets("k", "v");
        assertEquals("v", str(node.get(0, b("k"))));
        // DynamoDB's TTL sweeper deletes the item: a REMOVE record carrying the old image
        table.delete(0, b("k"));
        feed.deliver(ChangeEvent.delete(0, b("k"), set.version()));
        assertEquals(null, str(node.get(0, b("k"))));
    }

    @Test
    void expiredEntry_neverServed() {
        CachingStore node = node();
        node.put(0, b("k"), b("v"), clock.millis() + 1000);
        assertEquals("v", str(node.get(0, b("k"))));
        clock.advanceMillis(1001);
        assertEquals(null, str(node.get(0, b("k"))));
        assertEquals(List.of(Optional.empty()), node.getAll(0, List.of(b("k"))));
    }

    @Test
    void expiryChangeFromOtherNode_propagates() {
        CachingStore node = node();
        otherNodeSets("k", "v");
        node.get(0, b("k"));
        long at = clock.millis() + 10;
        long v = table.update(0, b("k"), cur -> Decision.put(cur.orElseThrow().value(), at, 0L));
        Entry e = table.get(0, b("k")).orElseThrow();
        assertEquals(0L, v);
        feed.deliver(ChangeEvent.put(0, b("k"), e));
        clock.advanceMillis(11);
        assertEquals(null, str(node.get(0, b("k"))));
    }

    // ---- rule 5: convergence --------------------------------------------------------------------

    /** Two nodes on one table, random writes on both, the feed delivering late and in bursts. */
    @Test
    void randomWrites_twoNodes_convergeOnceFeedDrains() {
        ManualSource feedA = new ManualSource(true);
        ManualSource feedB = new ManualSource(true);
        CachingStore a = node(table, feedA);
        CachingStore b = node(table, feedB);
        Deque<ChangeEvent> pendingA = new ArrayDeque<>();
        Deque<ChangeEvent> pendingB = new ArrayDeque<>();
        Random rnd = new Random(42);
        for (int i = 0; i < 3000; i++) {
            CachingStore node = rnd.nextBoolean() ? a : b;
            byte[] key = b("k" + rnd.nextInt(8));
            Optional<Entry> before = table.get(0, key);
            switch (rnd.nextInt(5)) {
                case 0 -> node.put(0, key, b("v" + i), Entry.NO_EXPIRY);
                case 1 -> node.delete(0, key);
                case 2 -> node.update(0, key, cur -> Decision.put(b(str(cur) + "x"), Entry.NO_EXPIRY, null));
                case 3 -> node.get(0, key);
                default -> node.update(0, key, cur -> cur.isEmpty() ? Decision.keep(null)
                        : Decision.put(cur.get().value(), clock.millis() + 5, null));
            }
            // the record the stream would carry for this operation, if it changed the table
            Optional<Entry> after = table.get(0, key);
            ChangeEvent ev = null;
            if (after.isPresent() && !after.equals(before)) {
                ev = ChangeEvent.put(0, key, after.get());
            } else if (after.isEmpty() && before.isPresent()) {
                ev = ChangeEvent.delete(0, key, before.get().version());
            }
            if (ev != null) {
                pendingA.add(ev);
                pendingB.add(ev);
            }
            if (rnd.nextInt(10) == 0) {
                while (!pendingA.isEmpty() && rnd.nextBoolean()) {
                    feedA.deliver(pendingA.poll());
                }
                while (!pendingB.isEmpty() && rnd.nextBoolean()) {
                    feedB.deliver(pendingB.poll());
                }
            }
            if (rnd.nextInt(50) == 0) {
                clock.advanceMillis(3);
            }
        }
        pendingA.forEach(feedA::deliver);
        pendingB.forEach(feedB::deliver);
        for (int k = 0; k < 8; k++) {
            byte[] key = b("k" + k);
            Optional<Entry> truth = table.get(0, key);
            assertEquals(str(truth), str(a.get(0, key)), "node a, key k" + k);
            assertEquals(str(truth), str(b.get(0, key)), "node b, key k" + k);
        }
    }

    // ---- continuity, failures, INFO -------------------------------------------------------------

    @Test
    void beforeContinuous_readsPassThrough() {
        ManualSource late = new ManualSource(false);
        CachingStore node = node(table, late);
        otherNodeSets("k", "v1");
        assertEquals("v1", str(node.get(0, b("k"))));
        otherNodeSets("k", "v2");
        assertEquals("v2", str(node.get(0, b("k"))), "nothing was cached before the stream was continuous");
        late.listener.onContinuous();
        node.get(0, b("k"));
        late.listener.onContinuityLost("test");
        otherNodeSets("k", "v3");
        assertEquals("v3", str(node.get(0, b("k"))));
        assertTrue(node.info().contains("cache_continuity_resets:1"));
    }

    @Test
    void failedWrite_dropsKey_andPropagates() {
        AtomicInteger calls = new AtomicInteger();
        Store failing = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (p, m, args) -> {
            if (m.getName().equals("put") && calls.incrementAndGet() == 2) {
                table.put((int) args[0], (byte[]) args[1], (byte[]) args[2], (long) args[3]);
                throw new StoreException("ERR timeout");
            }
            return m.invoke(table, args);
        });
        CachingStore node = node(failing, feed);
        node.put(0, b("k"), b("v1"), Entry.NO_EXPIRY);
        assertThrows(StoreException.class, () -> node.put(0, b("k"), b("v2"), Entry.NO_EXPIRY));
        assertEquals("v2", str(node.get(0, b("k"))), "after an ambiguous failure the key is read again");
    }

    @Test
    void updaterException_propagates_andNothingCachedWrong() {
        CachingStore node = node();
        node.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        assertThrows(IllegalStateException.class, () -> node.update(0, b("k"), cur -> {
            throw new IllegalStateException("not an integer");
        }));
        assertEquals("v", str(node.get(0, b("k"))));
    }

    @Test
    void getAll_mixesHitsAndMisses() {
        CachingStore node = node();
        node.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        otherNodeSets("b", "2");
        List<Optional<Entry>> got = node.getAll(0, List.of(b("a"), b("b"), b("c")));
        assertEquals(List.of("1", "2", "none"), got.stream().map(e -> e.isPresent() ? str(e) : "none").toList());
        assertEquals("2", str(node.get(0, b("b"))));
        assertEquals(2, node.cache().misses());
    }

    @Test
    void flushAndSwap_dropCachedState() {
        CachingStore node = node();
        node.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        node.put(1, b("a"), b("2"), Entry.NO_EXPIRY);
        node.swap(0, 1);
        assertEquals("2", str(node.get(0, b("a"))));
        node.flush(0);
        assertEquals(null, str(node.get(0, b("a"))));
        assertEquals("1", str(node.get(1, b("a"))));
        node.flushAll();
        assertEquals(null, str(node.get(1, b("a"))));
    }

    @Test
    void info_hasCacheSection() {
        CachingStore node = node();
        node.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        node.get(0, b("a"));
        node.get(0, b("zz"));
        String info = node.info();
        for (String field : List.of("# Cache\r\n", "cache_hits:1\r\n", "cache_misses:1\r\n", "cache_hit_ratio:0.5000\r\n",
                "cache_entries:", "cache_bytes:", "cache_evictions:0\r\n", "cache_stream_shards_followed:1\r\n",
                "cache_stream_records_applied:", "cache_stream_lag_ms:0\r\n", "cache_continuity_resets:0\r\n")) {
            assertTrue(info.contains(field), field + " in " + info);
        }
        assertEquals("caching", node.name());
        assertEquals(16, node.databases());
    }

    @Test
    void close_closesSourceThenDelegate_once() {
        AtomicReference<String> order = new AtomicReference<>("");
        ManualSource src = new ManualSource(true) {
            @Override
            public void close() {
                order.updateAndGet(s -> s + "source,");
            }
        };
        Store delegate = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (p, m, args) -> {
            if (m.getName().equals("close")) {
                order.updateAndGet(s -> s + "delegate,");
                return null;
            }
            return m.invoke(table, args);
        });
        CachingStore node = new CachingStore(delegate, src, 1 << 20, clock);
        node.close();
        node.close();
        assertEquals("source,delegate,", order.get());
        assertFalse(node.toString().isEmpty());
    }

    @Test
    void scanStatsRandomKey_goToTable() {
        CachingStore node = node();
        otherNodeSets("k", "v");
        assertEquals(1, node.stats(0).keys());
        assertEquals("k", new String(node.randomKey(0).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(1, node.scan(0, 0, 10).keys().size());
    }

    @Test
    void absentRetention_isBounded() {
        assertTrue(CachingStore.ABSENT_RETENTION.compareTo(Duration.ofMinutes(5)) < 0);
    }
}
