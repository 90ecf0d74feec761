package io.goredis.store.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import io.goredis.Race;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.Mutation;
import io.goredis.store.ScanPage;
import io.goredis.store.Store;
import io.goredis.store.StoreContractTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Store contract on the in-memory store, plus what is particular to it (active expiry, memory). */
class InMemoryStoreTest extends StoreContractTest {

    @Override
    protected Store createStore(Clock clock) {
        return new InMemoryStore(clock);
    }

    private InMemoryStore memory() {
        return (InMemoryStore) store;
    }

    /** A store without the background thread, for driving expiry cycles by hand. */
    private InMemoryStore manual() {
        return new InMemoryStore(clock, 16, Duration.ZERO);
    }

    /**
     * Counts taken while expired keys are reclaimed always see every state whole: one live key with
     * an expiry, one without, the expired ones invisible (a count between the map removal and the
     * expiry bookkeeping once gave keys=0, expires=1).
     */
    @Test
    void stats_staysConsistentWhileExpiredKeysAreReclaimed() throws Exception {
        try (InMemoryStore s = manual()) {
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 2000; i++) {
                    s.put(0, b("k" + i), b("v"), clock.millis() + 1);
                }
                s.put(0, b("keeper"), b("v"), Entry.NO_EXPIRY);
                s.put(0, b("later"), b("v"), clock.millis() + 60_000);
                clock.advanceMillis(2);
                List<KeyspaceStats> seen = Race.run(2, i -> {
                    if (i == 0) {
                        while (s.expireCycle(Long.MAX_VALUE) > 0) {
                            // reclaim everything expired
                        }
                        return new KeyspaceStats(2, 1);
                    }
                    KeyspaceStats odd = null;
                    for (int n = 0; n < 200 && odd == null; n++) {
                        KeyspaceStats st = s.stats(0);
                        odd = st.equals(new KeyspaceStats(2, 1)) ? null : st;
                    }
                    return odd == null ? new KeyspaceStats(2, 1) : odd;
                });
                assertEquals(List.of(new KeyspaceStats(2, 1), new KeyspaceStats(2, 1)), seen, "round " + round);
                assertEquals(2, s.storedKeys(0));
            }
        }
    }

    @Test
    void activeExpiry_reclaimsExpiredKeysWithoutReads() throws Exception {
        for (int i = 0; i < 5000; i++) {
            store.put(i % 3, b("k" + i), b("value"), clock.millis() + 1000);
        }
        store.put(0, b("keeper"), b("v"), Entry.NO_EXPIRY);
        store.put(1, b("later"), b("v"), clock.millis() + 60_000);
        long before = memory().usedMemoryEstimate();
        clock.advanceMillis(1001);
        Await.until(Duration.ofSeconds(10), () -> memory().storedKeys(0) == 1 && memory().storedKeys(1) == 1 && memory().storedKeys(2) == 0,
                () -> "timed out waiting for active expiry");
        assertTrue(memory().usedMemoryEstimate() < before / 100, "memory estimate went down");
        assertArrayEquals(b("v"), store.get(0, b("keeper")).orElseThrow().bytes());
        assertTrue(store.get(1, b("later")).isPresent());
    }

    @Test
    void expireCycle_stopsWhenFewSampledKeysAreExpired() {
        try (InMemoryStore s = manual()) {
            for (int i = 0; i < 1000; i++) {
                s.put(0, b("live" + i), b("v"), clock.millis() + 60_000);
            }
            for (int i = 0; i < 10; i++) {
                s.put(0, b("dead" + i), b("v"), clock.millis() + 10);
            }
            clock.advanceMillis(11);
            // 1% expired: one cycle samples a batch or so and moves on, reclaiming at most a few.
            int removed = s.expireCycle(Long.MAX_VALUE);
            assertTrue(removed <= 10, "removed " + removed);
            assertEquals(new KeyspaceStats(1000, 1000), s.stats(0));
            // Repeated cycles walk the whole index eventually.
            for (int i = 0; i < 200 && s.storedKeys(0) > 1000; i++) {
                s.expireCycle(Long.MAX_VALUE);
            }
            assertEquals(1000, s.storedKeys(0));
        }
    }

    @Test
    void expireCycle_keepsGoingWhileMostSampledKeysAreExpired() {
        try (InMemoryStore s = manual()) {
            for (int i = 0; i < 10_000; i++) {
                s.put(4, b("k" + i), b("v"), clock.millis() + 10);
            }
            clock.advanceMillis(11);
            assertEquals(10_000, s.expireCycle(Long.MAX_VALUE));
            assertEquals(0, s.storedKeys(4));
            assertEquals(0, s.usedMemoryEstimate());
        }
    }

    @Test
    void expireCycle_respectsBudget() {
        try (InMemoryStore s = manual()) {
            for (int i = 0; i < 10_000; i++) {
                s.put(0, b("k" + i), b("v"), clock.millis() + 10);
            }
            clock.advanceMillis(11);
            int removed = s.expireCycle(0);
            assertEquals(InMemoryStore.EXPIRE_SAMPLE, removed);
        }
    }

    @Test
    void expireCycle_skipsKeysRewrittenWithoutExpiry() {
        try (InMemoryStore s = manual()) {
            s.put(0, b("k"), b("v"), clock.millis() + 10);
            s.put(0, b("k"), b("v2"), Entry.NO_EXPIRY);
            clock.advanceMillis(11);
            assertEquals(0, s.expireCycle(Long.MAX_VALUE));
            assertArrayEquals(b("v2"), s.get(0, b("k")).orElseThrow().bytes());
        }
    }

    @Test
    void expireCycle_reclaimsKeysGivenAnExpiryByUpdate_whoseCallerArrayChangedSince() {
        try (InMemoryStore s = manual()) {
            s.put(0, b("k1"), b("v"), Entry.NO_EXPIRY);
            s.put(0, b("k2"), b("v"), Entry.NO_EXPIRY);
            byte[] k1 = b("k1");
            byte[] k2 = b("k2");
            s.update(0, k1, cur -> Decision.put(b("v"), clock.millis() + 10, null));
            s.updateAll(List.of(new KeyRef(0, k2)),
                    cur -> new Decision.Multi<>(List.of(Mutation.put(b("v"), clock.millis() + 10)), null));
            k1[1] = 'X';
            k2[1] = 'X';
            clock.advanceMillis(11);
            assertEquals(2, s.expireCycle(Long.MAX_VALUE));
            assertEquals(0, s.storedKeys(0));
            assertEquals(0, s.usedMemoryEstimate());
        }
    }

    @Test
    void stats_matchBruteForceCountAfterConcurrentChurn() throws Exception {
        long base = clock.millis();
        runConcurrently(8, i -> {
            java.util.Random r = new java.util.Random(i);
            for (int n = 0; n < 3000; n++) {
                byte[] k = b("k" + r.nextInt(200));
                switch (r.nextInt(4)) {
                    case 0 -> store.put(0, k, b("v"), Entry.NO_EXPIRY);
                    case 1 -> store.put(0, k, b("v"), base + 1 + r.nextInt(20));
                    case 2 -> store.delete(0, k);
                    default -> store.update(0, k, cur -> Decision.put(b("v"), base + 1 + r.nextInt(20), null));
                }
            }
        });
        for (int t = 0; t <= 22; t++) {
            clock.setMillis(base + t);
            long keys = 0;
            long expires = 0;
            for (int k = 0; k < 200; k++) {
                Optional<Entry> e = store.get(0, b("k" + k));
                keys += e.isPresent() ? 1 : 0;
                expires += e.filter(Entry::hasExpiry).isPresent() ? 1 : 0;
            }
            assertEquals(new KeyspaceStats(keys, expires), store.stats(0), "at +" + t);
        }
    }

    @Test
    void info_reportsStoredExpiredAndReclaimedKeys() {
        try (InMemoryStore s = manual()) {
            s.put(0, b("a"), b("v"), Entry.NO_EXPIRY);
            s.put(1, b("b"), b("v"), clock.millis() + 10);
            s.put(2, b("c"), b("v"), clock.millis() + 10);
            clock.advanceMillis(11);
            String before = s.info();
            assertTrue(before.startsWith("# Store\r\nstore:memory\r\n"), before);
            assertTrue(before.contains("\r\nstored_keys:3\r\nstored_keys_expired:2\r\nexpired_keys_reclaimed:0\r\n"),
                    before);
            s.get(1, b("b"));
            s.expireCycle(Long.MAX_VALUE);
            String after = s.info();
            assertTrue(after.contains("\r\nstored_keys:1\r\nstored_keys_expired:0\r\nexpired_keys_reclaimed:2\r\n"),
                    after);
            assertTrue(after.contains("\r\ndataset_bytes_estimate:" + s.usedMemoryEstimate() + "\r\n"), after);
        }
    }

    @Test
    void get_expiredKey_isReclaimedLazily() {
        try (InMemoryStore s = manual()) {
            s.put(0, b("k"), b("v"), clock.millis() + 10);
            clock.advanceMillis(11);
            assertEquals(1, s.storedKeys(0));
            assertTrue(s.get(0, b("k")).isEmpty());
            assertEquals(0, s.storedKeys(0));
        }
    }

    @Test
    void close_stopsTheExpiryThread() {
        Thread t = memory().activeExpiry().thread();
        assertEquals("goredis-active-expire", t.getName());
        assertTrue(t.isDaemon());
        assertTrue(t.isAlive());
        store.close();
        assertFalse(t.isAlive());
    }

    @Test
    void zeroPeriod_startsNoThread() {
        try (InMemoryStore s = manual()) {
            assertNull(s.activeExpiry());
        }
    }

    @Test
    void constructor_rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryStore(clock, 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new InMemoryStore(clock, 16, Duration.ofMillis(-1)));
    }

    @Test
    void databases_configurable() {
        try (InMemoryStore s = new InMemoryStore(clock, 2, Duration.ZERO)) {
            assertEquals(2, s.databases());
            assertEquals("memory", s.name());
        }
    }

    @Test
    void usedMemoryEstimate_followsWritesAndDeletes() {
        assertEquals(0, memory().usedMemoryEstimate());
        store.put(0, b("k"), new byte[1000], Entry.NO_EXPIRY);
        long one = memory().usedMemoryEstimate();
        assertTrue(one >= 1000 && one < 2000, "estimate " + one);
        store.put(0, b("k"), new byte[10], clock.millis() + 1000);
        assertTrue(memory().usedMemoryEstimate() < one);
        store.put(0, b("k"), new byte[10], Entry.NO_EXPIRY);
        store.delete(0, b("k"));
        assertEquals(0, memory().usedMemoryEstimate());
        store.put(3, b("k"), new byte[10], Entry.NO_EXPIRY);
        store.flushAll();
        assertEquals(0, memory().usedMemoryEstimate());
    }

    @Test
    void scan_cursorOutOfRange_endsScan() {
        store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        assertEquals(new ScanPage(0, List.of()).keys(), store.scan(0, 1L << 40, 10).keys());
        assertEquals(0, store.scan(0, -1, 10).nextCursor());
    }

    @Test
    void updateAll_wrongNumberOfMutations_refusedBeforeWriting() {
        assertThrows(IllegalArgumentException.class, () -> store.updateAll(
                List.of(new KeyRef(0, b("a")), new KeyRef(0, b("b"))),
                cur -> new Decision.Multi<>(List.of(Mutation.put(b("v"), 0)), null)));
        assertTrue(store.get(0, b("a")).isEmpty());
    }

    @Test
    void reads_duringMultiKeyWrites_neverSeeThemHalfDone() throws Exception {
        // MSET-like writers keep k1 == k2; MGET-like readers (getAll) must always see them equal,
        // and plain gets racing swaps must always find the key in one piece.
        store.put(0, b("k1"), b("0"), Entry.NO_EXPIRY);
        store.put(0, b("k2"), b("0"), Entry.NO_EXPIRY);
        AtomicInteger torn = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        runConcurrently(6, i -> {
            if (i == 0) {
                for (int n = 1; n <= 2000; n++) {
                    byte[] v = b(Integer.toString(n));
                    store.updateAll(List.of(new KeyRef(0, b("k1")), new KeyRef(0, b("k2"))),
                            cur -> new Decision.Multi<>(List.of(Mutation.put(v, 0), Mutation.put(v, 0)), null));
                }
                stop.set(true);
            } else if (i == 1) {
                while (!stop.get()) {
                    store.swap(5, 6);
                }
            } else {
                while (!stop.get()) {
                    List<Optional<Entry>> both = store.getAll(0, List.of(b("k1"), b("k2")));
                    if (!s(both.get(0).orElseThrow().bytes()).equals(s(both.get(1).orElseThrow().bytes()))) {
                        torn.incrementAndGet();
                    }
                    if (store.get(0, b("k1")).isEmpty()) {
                        torn.incrementAndGet();
                    }
                }
            }
        });
        assertEquals(0, torn.get());
    }
}
