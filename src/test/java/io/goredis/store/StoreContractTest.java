package io.goredis.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.goredis.Race;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Store} contract as tests: every implementation subclasses this and supplies
 * {@link #createStore}. Time is a {@link MutableClock} the store must judge expiry by; tests that
 * need expiry move it. Backends that are slow or limited scale the heavy tests down through the
 * protected knobs (never the assertions).
 */
public abstract class StoreContractTest implements TransactionContract, TypedValueContract {

    /** The store's clock; starts at the current wall-clock time and moves only when a test moves it. */
    protected MutableClock clock;
    protected Store store;

    /** A new, empty store judging expiry by {@code clock}. Closed after each test. */
    protected abstract Store createStore(Clock clock);

    @Override
    public Store storeUnderTest() {
        return store;
    }

    @Override
    public MutableClock clockUnderTest() {
        return clock;
    }

    /** Clients in the concurrency tests (issue: 50). */
    @Override
    public int concurrentClients() {
        return 50;
    }

    /** Increments per client in {@link #update_concurrentIncrements_noLostUpdates} (issue: 1000). */
    @Override
    public int incrementsPerClient() {
        return 1000;
    }

    /** Size of the large-value test; a backend with an item limit answers with its own smaller size. */
    protected int largeValueBytes() {
        return 5 * 1024 * 1024;
    }

    /** Keys present for the whole scan in the concurrent-churn scan test. */
    protected int scanStableKeys() {
        return 2000;
    }

    /**
     * False for a backend that refuses {@link Store#swap} by design (the DynamoDB-backed stores):
     * the tests that need SWAPDB are then skipped, and the refusal is tested with that backend.
     */
    protected boolean supportsSwap() {
        return true;
    }

    private void assumeSwap() {
        assumeTrue(supportsSwap(), "SWAPDB is refused by this store");
    }

    @BeforeEach
    void createStoreUnderTest() {
        clock = MutableClock.atNow();
        store = createStore(clock);
    }

    @AfterEach
    void closeStoreUnderTest() {
        store.close();
    }

    // ---- helpers ---------------------------------------------------------------------------

    protected static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private long now() {
        return clock.millis();
    }

    private byte[] value(int db, String key) {
        return store.get(db, b(key)).orElseThrow().bytes();
    }

    private long version(int db, String key) {
        return store.get(db, b(key)).orElseThrow().version();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Every key of {@code db} by a full scan with page size {@code count}, as hex strings. */
    private Set<String> scanAll(int db, int count) {
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int pages = 0;
        do {
            ScanPage page = store.scan(db, cursor, count);
            page.keys().forEach(k -> seen.add(hex(k)));
            cursor = page.nextCursor();
            assertTrue(++pages < 1_000_000, "scan does not terminate");
        } while (cursor != 0);
        return seen;
    }

    private static Set<String> hexSet(String... keys) {
        Set<String> out = new HashSet<>();
        for (String k : keys) {
            out.add(hex(b(k)));
        }
        return out;
    }

    // ---- get / put / delete ----------------------------------------------------------------

    @Test
    void get_absentKey() {
        assertEquals(Optional.empty(), store.get(0, b("nope")));
    }

    @Test
    void put_thenGet_returnsValueExpiryAndVersion() {
        long expireAt = now() + 10_000;
        long v = store.put(0, b("k"), b("v"), expireAt);
        Entry e = store.get(0, b("k")).orElseThrow();
        assertArrayEquals(b("v"), e.bytes());
        assertEquals(expireAt, e.expireAtMillis());
        assertEquals(v, e.version());
    }

    @Test
    void put_withoutExpiry_neverExpires() {
        store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        clock.advanceMillis(365L * 24 * 3600 * 1000);
        assertFalse(store.get(0, b("k")).orElseThrow().hasExpiry());
    }

    @Test
    void put_replacesValueAndExpiry() {
        store.put(0, b("k"), b("old"), now() + 1000);
        store.put(0, b("k"), b("new"), Entry.NO_EXPIRY);
        Entry e = store.get(0, b("k")).orElseThrow();
        assertArrayEquals(b("new"), e.bytes());
        assertEquals(Entry.NO_EXPIRY, e.expireAtMillis());
        clock.advanceMillis(2000);
        assertTrue(store.get(0, b("k")).isPresent());
    }

    @Test
    void put_returnsStrictlyIncreasingVersions() {
        long v1 = store.put(0, b("k"), b("1"), Entry.NO_EXPIRY);
        long v2 = store.put(0, b("k"), b("2"), Entry.NO_EXPIRY);
        long v3 = store.put(0, b("k"), b("2"), Entry.NO_EXPIRY);
        assertTrue(v1 < v2 && v2 < v3, v1 + " " + v2 + " " + v3);
        assertEquals(v3, version(0, "k"));
    }

    @Test
    void put_doesNotRetainCallerArrays() {
        byte[] key = b("key");
        byte[] value = b("value");
        store.put(0, key, value, Entry.NO_EXPIRY);
        key[0] = 'X';
        value[0] = 'X';
        assertArrayEquals(b("value"), value(0, "key"));
        assertTrue(store.get(0, b("Xey")).isEmpty());
    }

    @Test
    void update_andUpdateAll_doNotRetainCallerKeyArrays() {
        byte[] k1 = b("one");
        byte[] k2 = b("two");
        store.update(0, k1, cur -> Decision.put(b("v"), now() + 1000, null));
        store.updateAll(List.of(new KeyRef(0, k2)),
                cur -> new Decision.Multi<>(List.of(Mutation.put(b("v"), now() + 1000)), null));
        k1[0] = 'X';
        k2[0] = 'X';
        assertEquals(hexSet("one", "two"), scanAll(0, 10));
        assertTrue(store.get(0, b("one")).isPresent());
        assertTrue(store.get(0, b("two")).isPresent());
        assertEquals(new KeyspaceStats(2, 2), store.stats(0));
    }

    @Test
    void put_expiryInThePast_isAbsent() {
        store.put(0, b("k"), b("v"), now() - 1);
        assertTrue(store.get(0, b("k")).isEmpty());
        assertEquals(new KeyspaceStats(0, 0), store.stats(0));
    }

    @Test
    void get_expiresOnceClockPassesExpiry() {
        // As Redis's keyIsExpired (Entry.isExpiredAt): live at the expiry millisecond, gone after it.
        long expireAt = now() + 1000;
        store.put(0, b("k"), b("v"), expireAt);
        clock.setMillis(expireAt);
        assertTrue(store.get(0, b("k")).isPresent());
        clock.setMillis(expireAt + 1);
        assertTrue(store.get(0, b("k")).isEmpty());
    }

    @Test
    void getAll_inOrderWithAbsentAndExpired() {
        store.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        store.put(0, b("b"), b("2"), now() + 100);
        store.put(0, b("c"), b("3"), now() + 10_000);
        clock.advanceMillis(101);
        List<Optional<Entry>> got = store.getAll(0, List.of(b("c"), b("missing"), b("b"), b("a"), b("c")));
        assertEquals(5, got.size());
        assertArrayEquals(b("3"), got.get(0).orElseThrow().bytes());
        assertTrue(got.get(1).isEmpty());
        assertTrue(got.get(2).isEmpty());
        assertArrayEquals(b("1"), got.get(3).orElseThrow().bytes());
        assertArrayEquals(b("3"), got.get(4).orElseThrow().bytes());
    }

    @Test
    void getAll_emptyList() {
        assertEquals(List.of(), store.getAll(0, List.of()));
    }

    @Test
    void delete_liveKey_true() {
        store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        assertTrue(store.delete(0, b("k")));
        assertTrue(store.get(0, b("k")).isEmpty());
        assertFalse(store.delete(0, b("k")));
    }

    @Test
    void delete_absentKey_false() {
        assertFalse(store.delete(0, b("k")));
    }

    @Test
    void delete_expiredKey_false() {
        store.put(0, b("k"), b("v"), now() + 10);
        clock.advanceMillis(11);
        assertFalse(store.delete(0, b("k")));
        assertTrue(store.get(0, b("k")).isEmpty());
    }

    @Test
    void put_afterDelete_versionStillIncreases() {
        long v1 = store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        store.delete(0, b("k"));
        long v2 = store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        assertTrue(v2 > v1);
    }

    @Test
    void put_afterExpiry_versionStillIncreases() {
        long v1 = store.put(0, b("k"), b("v"), now() + 5);
        clock.advanceMillis(6);
        long v2 = store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        assertTrue(v2 > v1);
    }

    @Test
    void versions_increaseAcrossEveryWritePath() {
        assumeSwap();
        List<Long> versions = new ArrayList<>();
        versions.add(store.put(0, b("k"), b("1"), Entry.NO_EXPIRY));
        store.update(0, b("k"), cur -> Decision.put(b("2"), Entry.NO_EXPIRY, null));
        versions.add(version(0, "k"));
        store.update(0, b("k"), cur -> Decision.delete(null));
        store.update(0, b("k"), cur -> Decision.put(b("3"), Entry.NO_EXPIRY, null));
        versions.add(version(0, "k"));
        store.updateAll(List.of(new KeyRef(0, b("k"))),
                cur -> new Decision.Multi<>(List.of(Mutation.put(b("4"), Entry.NO_EXPIRY)), null));
        versions.add(version(0, "k"));
        store.updateAll(List.of(new KeyRef(0, b("k"))), cur -> new Decision.Multi<>(List.of(Mutation.DELETE), null));
        versions.add(store.put(0, b("k"), b("5"), Entry.NO_EXPIRY));
        store.swap(0, 1);
        versions.add(store.put(1, b("k"), b("6"), Entry.NO_EXPIRY));
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(versions.get(i) > versions.get(i - 1), versions.toString());
        }
    }

    @Test
    void databases_areIndependent() {
        store.put(0, b("k"), b("zero"), Entry.NO_EXPIRY);
        store.put(1, b("k"), b("one"), Entry.NO_EXPIRY);
        int last = store.databases() - 1;
        assertTrue(store.get(last, b("k")).isEmpty());
        store.put(last, b("k"), b("last"), Entry.NO_EXPIRY);
        assertArrayEquals(b("zero"), value(0, "k"));
        assertArrayEquals(b("one"), value(1, "k"));
        assertArrayEquals(b("last"), value(last, "k"));
        assertTrue(store.delete(1, b("k")));
        assertArrayEquals(b("zero"), value(0, "k"));
    }

    @Test
    void databases_redisDefault() {
        assertEquals(16, store.databases());
    }

    // ---- update ----------------------------------------------------------------------------

    @Test
    void update_absentKey_seesEmptyAndPutCreates() {
        String r = store.update(0, b("k"), cur -> {
            assertTrue(cur.isEmpty());
            return Decision.put(b("v"), Entry.NO_EXPIRY, "created");
        });
        assertEquals("created", r);
        assertArrayEquals(b("v"), value(0, "k"));
    }

    @Test
    void update_presentKey_seesCurrentEntry() {
        long expireAt = now() + 5000;
        long v = store.put(0, b("k"), b("v"), expireAt);
        Entry seen = store.update(0, b("k"), cur -> Decision.keep(cur.orElseThrow()));
        assertEquals(new Entry(b("v"), expireAt, v), seen);
    }

    @Test
    void update_put_replacesValueExpiryAndRaisesVersion() {
        long v1 = store.put(0, b("k"), b("1"), Entry.NO_EXPIRY);
        long expireAt = now() + 1000;
        store.update(0, b("k"), cur -> Decision.put(b("2"), expireAt, null));
        Entry e = store.get(0, b("k")).orElseThrow();
        assertArrayEquals(b("2"), e.bytes());
        assertEquals(expireAt, e.expireAtMillis());
        assertTrue(e.version() > v1);
    }

    @Test
    void update_keep_writesNothing() {
        long v = store.put(0, b("k"), b("v"), now() + 1000);
        int seven = store.update(0, b("k"), cur -> Decision.keep(7));
        assertEquals(7, seven);
        assertEquals(new Entry(b("v"), now() + 1000, v), store.get(0, b("k")).orElseThrow());
        int zero = store.update(0, b("absent"), cur -> Decision.keep(0));
        assertEquals(0, zero);
        assertTrue(store.get(0, b("absent")).isEmpty());
        assertEquals(new KeyspaceStats(1, 1), store.stats(0));
    }

    @Test
    void update_delete_removesKey() {
        store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        boolean deleted = store.update(0, b("k"), cur -> Decision.delete(cur.isPresent()));
        assertTrue(deleted);
        assertTrue(store.get(0, b("k")).isEmpty());
        boolean again = store.update(0, b("k"), cur -> Decision.delete(cur.isPresent()));
        assertFalse(again);
        assertTrue(store.get(0, b("k")).isEmpty());
    }

    @Test
    void update_expiredKey_seesEmpty() {
        store.put(0, b("k"), b("v"), now() + 10);
        clock.advanceMillis(11);
        boolean sawEmpty = store.update(0, b("k"), cur -> Decision.keep(cur.isEmpty()));
        assertTrue(sawEmpty);
        store.update(0, b("k"), cur -> Decision.put(b("fresh"), Entry.NO_EXPIRY, null));
        assertArrayEquals(b("fresh"), value(0, "k"));
    }

    @Test
    void update_putWithPastExpiry_isAbsent() {
        store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        store.update(0, b("k"), cur -> Decision.put(b("v2"), now() - 1, null));
        assertTrue(store.get(0, b("k")).isEmpty());
    }

    @Test
    void update_updaterThrows_propagatesAndWritesNothing() {
        long v = store.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        IllegalStateException boom = new IllegalStateException("ERR value is not an integer or out of range");
        Updater<Void> failing = cur -> {
            throw boom;
        };
        assertSame(boom, assertThrows(IllegalStateException.class, () -> store.update(0, b("k"), failing)));
        assertEquals(new Entry(b("v"), Entry.NO_EXPIRY, v), store.get(0, b("k")).orElseThrow());
        assertSame(boom, assertThrows(IllegalStateException.class, () -> store.update(0, b("new"), failing)));
        assertTrue(store.get(0, b("new")).isEmpty());
        assertEquals(new KeyspaceStats(1, 0), store.stats(0));
    }

    @Test
    void update_concurrentIncrements_noLostUpdates() throws Exception {
        int clients = concurrentClients();
        int each = incrementsPerClient();
        runConcurrently(clients, i -> {
            for (int n = 0; n < each; n++) {
                store.update(0, b("counter"), cur -> {
                    long next = cur.map(e -> Long.parseLong(s(e.bytes()))).orElse(0L) + 1;
                    return Decision.put(b(Long.toString(next)), Entry.NO_EXPIRY, next);
                });
            }
        });
        assertEquals(Long.toString((long) clients * each), s(value(0, "counter")));
    }

    @Test
    void update_concurrentOnlyIfAbsent_exactlyOneWinner() throws Exception {
        int clients = concurrentClients();
        AtomicInteger winners = new AtomicInteger();
        List<String> winnerValue = new ArrayList<>();
        runConcurrently(clients, i -> {
            boolean won = store.update(0, b("lock"), cur -> cur.isPresent()
                    ? Decision.keep(false)
                    : Decision.put(b("client-" + i), Entry.NO_EXPIRY, true));
            if (won) {
                winners.incrementAndGet();
                synchronized (winnerValue) {
                    winnerValue.add("client-" + i);
                }
            }
        });
        assertEquals(1, winners.get());
        assertEquals(winnerValue.get(0), s(value(0, "lock")));
    }

    // ---- updateAll -------------------------------------------------------------------------

    @Test
    void updateAll_readsInOrderAndAppliesEachMutation() {
        store.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        store.put(0, b("b"), b("2"), Entry.NO_EXPIRY);
        long vc = store.put(0, b("c"), b("3"), Entry.NO_EXPIRY);
        List<KeyRef> keys = List.of(new KeyRef(0, b("b")), new KeyRef(0, b("missing")),
                new KeyRef(0, b("a")), new KeyRef(0, b("c")));
        String r = store.updateAll(keys, cur -> {
            assertArrayEquals(b("2"), cur.get(0).orElseThrow().bytes());
            assertTrue(cur.get(1).isEmpty());
            assertArrayEquals(b("1"), cur.get(2).orElseThrow().bytes());
            return new Decision.Multi<>(List.of(
                    Mutation.DELETE, Mutation.put(b("new"), now() + 1000), Mutation.put(b("A"), Entry.NO_EXPIRY),
                    Mutation.KEEP), "done");
        });
        assertEquals("done", r);
        assertTrue(store.get(0, b("b")).isEmpty());
        assertArrayEquals(b("new"), value(0, "missing"));
        assertEquals(now() + 1000, store.get(0, b("missing")).orElseThrow().expireAtMillis());
        assertArrayEquals(b("A"), value(0, "a"));
        assertEquals(vc, version(0, "c"));
        assertEquals(new KeyspaceStats(3, 1), store.stats(0));
    }

    @Test
    void updateAll_acrossDatabases() {
        store.put(2, b("k"), b("src"), now() + 1000);
        int last = store.databases() - 1;
        store.updateAll(List.of(new KeyRef(2, b("k")), new KeyRef(last, b("k"))), cur -> {
            Entry src = cur.get(0).orElseThrow();
            assertTrue(cur.get(1).isEmpty());
            return new Decision.Multi<>(List.of(Mutation.DELETE, Mutation.put(src.value(), src.expireAtMillis())), null);
        });
        assertTrue(store.get(2, b("k")).isEmpty());
        assertArrayEquals(b("src"), value(last, "k"));
        assertEquals(now() + 1000, store.get(last, b("k")).orElseThrow().expireAtMillis());
    }

    @Test
    void updateAll_updaterThrows_propagatesAndWritesNothing() {
        long va = store.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        RuntimeException boom = new RuntimeException("abort");
        MultiUpdater<Void> failing = cur -> {
            throw boom;
        };
        assertSame(boom, assertThrows(RuntimeException.class,
                () -> store.updateAll(List.of(new KeyRef(0, b("a")), new KeyRef(1, b("b"))), failing)));
        assertEquals(new Entry(b("1"), Entry.NO_EXPIRY, va), store.get(0, b("a")).orElseThrow());
        assertTrue(store.get(1, b("b")).isEmpty());
    }

    @Test
    void updateAll_allKeep_writesNothing() {
        long va = store.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        int r = store.updateAll(List.of(new KeyRef(0, b("a")), new KeyRef(0, b("b"))),
                cur -> new Decision.Multi<>(List.of(Mutation.KEEP, Mutation.KEEP), 0));
        assertEquals(0, r);
        assertEquals(va, version(0, "a"));
        assertTrue(store.get(0, b("b")).isEmpty());
    }

    @Test
    void updateAll_expiredKeys_seenAsEmpty() {
        store.put(0, b("a"), b("1"), now() + 10);
        store.put(0, b("b"), b("2"), Entry.NO_EXPIRY);
        clock.advanceMillis(11);
        List<Boolean> present = store.updateAll(List.of(new KeyRef(0, b("a")), new KeyRef(0, b("b"))),
                cur -> new Decision.Multi<>(List.of(Mutation.KEEP, Mutation.KEEP),
                        List.of(cur.get(0).isPresent(), cur.get(1).isPresent())));
        assertEquals(List.of(false, true), present);
    }

    @Test
    void updateAll_onlyIfAllAbsent_isAllOrNothing() {
        // MSETNX's shape: write every key only when none exists.
        store.put(3, b("y"), b("taken"), Entry.NO_EXPIRY);
        List<KeyRef> keys = List.of(new KeyRef(0, b("x")), new KeyRef(3, b("y")));
        MultiUpdater<Boolean> msetnx = cur -> cur.stream().anyMatch(Optional::isPresent)
                ? new Decision.Multi<>(List.of(Mutation.KEEP, Mutation.KEEP), false)
                : new Decision.Multi<>(List.of(Mutation.put(b("1"), 0), Mutation.put(b("2"), 0)), true);
        assertFalse(store.updateAll(keys, msetnx));
        assertTrue(store.get(0, b("x")).isEmpty());
        store.delete(3, b("y"));
        assertTrue(store.updateAll(keys, msetnx));
        assertArrayEquals(b("1"), value(0, "x"));
        assertArrayEquals(b("2"), value(3, "y"));
    }

    @Test
    void updateAll_concurrentTransfers_preserveTotal() throws Exception {
        // Transfers between two keys in different databases, checked by atomic reads: every read
        // must see the total unchanged, and no transfer may be lost.
        store.put(0, b("acct"), b("1000"), Entry.NO_EXPIRY);
        store.put(1, b("acct"), b("1000"), Entry.NO_EXPIRY);
        List<KeyRef> both = List.of(new KeyRef(0, b("acct")), new KeyRef(1, b("acct")));
        int clients = Math.max(2, concurrentClients() / 5);
        int rounds = Math.max(10, incrementsPerClient() / 10);
        AtomicInteger badReads = new AtomicInteger();
        runConcurrently(clients, i -> {
            for (int n = 0; n < rounds; n++) {
                if (i % 2 == 0) {
                    store.updateAll(both, cur -> {
                        long a = Long.parseLong(s(cur.get(0).orElseThrow().bytes()));
                        long c = Long.parseLong(s(cur.get(1).orElseThrow().bytes()));
                        return new Decision.Multi<>(List.of(
                                Mutation.put(b(Long.toString(a - 1)), 0), Mutation.put(b(Long.toString(c + 1)), 0)), null);
                    });
                } else {
                    long total = store.updateAll(both, cur -> new Decision.Multi<>(List.of(Mutation.KEEP, Mutation.KEEP),
                            Long.parseLong(s(cur.get(0).orElseThrow().bytes()))
                                    + Long.parseLong(s(cur.get(1).orElseThrow().bytes()))));
                    if (total != 2000) {
                        badReads.incrementAndGet();
                    }
                }
            }
        });
        assertEquals(0, badReads.get());
        int transfers = ((clients + 1) / 2) * rounds;
        assertEquals(Long.toString(1000 - transfers), s(value(0, "acct")));
        assertEquals(Long.toString(1000 + transfers), s(value(1, "acct")));
    }

    // ---- scan / randomKey / stats ----------------------------------------------------------

    @Test
    void scan_emptyDatabase_completesAtOnce() {
        ScanPage page = store.scan(0, 0, 10);
        assertEquals(0, page.nextCursor());
        assertEquals(List.of(), page.keys());
    }

    @Test
    void scan_returnsEveryKeyOfThatDatabaseOnly() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            store.put(0, b("key:" + i), b("v"), Entry.NO_EXPIRY);
            expected.add(hex(b("key:" + i)));
        }
        store.put(1, b("other"), b("v"), Entry.NO_EXPIRY);
        assertEquals(expected, scanAll(0, 10));
        assertEquals(expected, scanAll(0, 1));
        assertEquals(expected, scanAll(0, 1000));
        assertEquals(hexSet("other"), scanAll(1, 10));
    }

    @Test
    void scan_pagesRespectCountRoughly() {
        for (int i = 0; i < 300; i++) {
            store.put(0, b("key:" + i), b("v"), Entry.NO_EXPIRY);
        }
        ScanPage first = store.scan(0, 0, 10);
        assertNotEquals(0, first.nextCursor());
        assertTrue(first.keys().size() <= 100, "page of " + first.keys().size() + " for COUNT 10");
    }

    @Test
    void scan_skipsExpiredKeys() {
        store.put(0, b("live"), b("v"), Entry.NO_EXPIRY);
        store.put(0, b("later"), b("v"), now() + 1000);
        for (int i = 0; i < 50; i++) {
            store.put(0, b("gone:" + i), b("v"), now() + 10);
        }
        clock.advanceMillis(11);
        assertEquals(hexSet("live", "later"), scanAll(0, 5));
    }

    @Test
    void scan_withConcurrentChurn_returnsEveryStableKey() throws Exception {
        int n = scanStableKeys();
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < n; i++) {
            store.put(0, b("stable:" + i), b("v"), Entry.NO_EXPIRY);
            stable.add(hex(b("stable:" + i)));
        }
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch churning = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> churn = pool.submit(() -> {
                int j = 0;
                while (!done.get()) {
                    store.put(0, b("churn:" + j), b("v"), Entry.NO_EXPIRY);
                    if (j >= 20) {
                        store.delete(0, b("churn:" + (j - 20)));
                    }
                    j++;
                    if (j == 50) {
                        churning.countDown();
                    }
                }
                return null;
            });
            churning.await();
            Set<String> seen = scanAll(0, 7);
            done.set(true);
            churn.get();
            Set<String> missing = new HashSet<>(stable);
            missing.removeAll(seen);
            assertEquals(Set.of(), missing);
        }
    }

    @Test
    void scan_binaryKeys() {
        store.put(0, new byte[0], b("empty"), Entry.NO_EXPIRY);
        store.put(0, new byte[] {0, (byte) 0xff, '\r', '\n'}, b("bin"), Entry.NO_EXPIRY);
        Set<String> expected = Set.of("", "00ff0d0a");
        assertEquals(expected, scanAll(0, 1));
    }

    @Test
    void randomKey_emptyDatabase() {
        assertTrue(store.randomKey(0).isEmpty());
    }

    @Test
    void randomKey_singleKey() {
        store.put(5, b("only"), b("v"), Entry.NO_EXPIRY);
        assertArrayEquals(b("only"), store.randomKey(5).orElseThrow());
        assertTrue(store.randomKey(0).isEmpty());
    }

    @Test
    void randomKey_onlyExpiredKeys_empty() {
        for (int i = 0; i < 10; i++) {
            store.put(0, b("k" + i), b("v"), now() + 10);
        }
        clock.advanceMillis(11);
        assertTrue(store.randomKey(0).isEmpty());
    }

    @Test
    void randomKey_returnsLiveKeys() {
        for (int i = 0; i < 200; i++) {
            store.put(0, b("dead:" + i), b("v"), now() + 10);
        }
        store.put(0, b("alive1"), b("v"), Entry.NO_EXPIRY);
        store.put(0, b("alive2"), b("v"), now() + 1000);
        clock.advanceMillis(11);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(s(store.randomKey(0).orElseThrow()));
        }
        assertTrue(Set.of("alive1", "alive2").containsAll(seen), seen.toString());
    }

    @Test
    void stats_countsKeysAndExpiresPerDatabase() {
        assertEquals(new KeyspaceStats(0, 0), store.stats(0));
        store.put(0, b("a"), b("v"), Entry.NO_EXPIRY);
        store.put(0, b("b"), b("v"), now() + 1000);
        store.put(0, b("c"), b("v"), now() + 2000);
        store.put(1, b("a"), b("v"), Entry.NO_EXPIRY);
        assertEquals(new KeyspaceStats(3, 2), store.stats(0));
        assertEquals(new KeyspaceStats(1, 0), store.stats(1));
        store.put(0, b("b"), b("v"), Entry.NO_EXPIRY); // persist
        store.delete(0, b("a"));
        assertEquals(new KeyspaceStats(2, 1), store.stats(0));
    }

    @Test
    void statsAll_isStatsOfEveryDatabase_inOrder() {
        int last = store.databases() - 1;
        store.put(0, b("a"), b("v"), Entry.NO_EXPIRY);
        store.put(0, b("b"), b("v"), now() + 1000);
        store.put(3, b("a"), b("v"), now() + 10);
        store.put(3, b("b"), b("v"), Entry.NO_EXPIRY);
        store.put(last, b(""), b("v"), now() + 5000);
        store.put(last, b("gone"), b("v"), Entry.NO_EXPIRY);
        store.delete(last, b("gone"));
        clock.advanceMillis(11);  // db 3's "a" has expired

        List<KeyspaceStats> all = store.statsAll();
        assertEquals(store.databases(), all.size());
        for (int db = 0; db <= last; db++) {
            assertEquals(store.stats(db), all.get(db), "db " + db);
        }
        assertEquals(new KeyspaceStats(2, 1), all.get(0));
        assertEquals(new KeyspaceStats(1, 0), all.get(3));
        assertEquals(new KeyspaceStats(1, 1), all.get(last));
        assertEquals(new KeyspaceStats(0, 0), all.get(1));
    }

    @Test
    void stats_excludeExpired() {
        store.put(0, b("a"), b("v"), Entry.NO_EXPIRY);
        store.put(0, b("b"), b("v"), now() + 10);
        store.put(0, b("c"), b("v"), now() + 2000);
        clock.advanceMillis(11);
        assertEquals(new KeyspaceStats(2, 1), store.stats(0));
        clock.advanceMillis(2000);
        assertEquals(new KeyspaceStats(1, 0), store.stats(0));
    }

    @Test
    void stats_followExpiriesWrittenAfterEarlierCounts() {
        store.put(0, b("a"), b("v"), now() + 10);
        clock.advanceMillis(11);
        assertEquals(new KeyspaceStats(0, 0), store.stats(0));
        store.delete(0, b("a"));
        assertEquals(new KeyspaceStats(0, 0), store.stats(0));
        store.put(0, b("b"), b("v"), now() + 100);
        store.put(0, b("c"), b("v"), now() + 5);
        assertEquals(new KeyspaceStats(2, 2), store.stats(0));
        clock.advanceMillis(6);
        assertEquals(new KeyspaceStats(1, 1), store.stats(0));
        store.put(0, b("d"), b("v"), now() + 1);
        clock.advanceMillis(2);
        assertEquals(new KeyspaceStats(1, 1), store.stats(0));
        clock.advanceMillis(100);
        assertEquals(new KeyspaceStats(0, 0), store.stats(0));
    }

    // ---- flush / swap ----------------------------------------------------------------------

    @Test
    void flush_clearsOnlyThatDatabase() {
        store.put(0, b("a"), b("v"), now() + 1000);
        store.put(0, b("b"), b("v"), Entry.NO_EXPIRY);
        store.put(1, b("a"), b("v"), Entry.NO_EXPIRY);
        store.flush(0);
        assertTrue(store.get(0, b("a")).isEmpty());
        assertTrue(store.get(0, b("b")).isEmpty());
        assertEquals(new KeyspaceStats(0, 0), store.stats(0));
        assertEquals(Set.of(), scanAll(0, 10));
        assertTrue(store.get(1, b("a")).isPresent());
        long v = store.put(0, b("a"), b("again"), Entry.NO_EXPIRY);
        assertEquals(v, version(0, "a"));
    }

    @Test
    void flushAll_clearsEveryDatabase() {
        for (int db = 0; db < store.databases(); db++) {
            store.put(db, b("k"), b("v"), Entry.NO_EXPIRY);
        }
        store.flushAll();
        for (int db = 0; db < store.databases(); db++) {
            assertTrue(store.get(db, b("k")).isEmpty());
            assertEquals(new KeyspaceStats(0, 0), store.stats(db));
        }
    }

    @Test
    void swap_exchangesContents() {
        assumeSwap();
        long va = store.put(0, b("a"), b("zero"), now() + 1000);
        long vb = store.put(1, b("b"), b("one"), Entry.NO_EXPIRY);
        store.put(1, b("a"), b("one-a"), Entry.NO_EXPIRY);
        store.swap(0, 1);
        assertEquals(new Entry(b("zero"), now() + 1000, va), store.get(1, b("a")).orElseThrow());
        assertEquals(new Entry(b("one"), Entry.NO_EXPIRY, vb), store.get(0, b("b")).orElseThrow());
        assertArrayEquals(b("one-a"), value(0, "a"));
        assertTrue(store.get(1, b("b")).isEmpty());
        assertEquals(new KeyspaceStats(2, 0), store.stats(0));
        assertEquals(new KeyspaceStats(1, 1), store.stats(1));
        assertEquals(hexSet("a"), scanAll(1, 10));
        store.swap(1, 0);
        assertArrayEquals(b("zero"), value(0, "a"));
        assertArrayEquals(b("one"), value(1, "b"));
    }

    @Test
    void swap_withEmptyDatabase_andWithItself() {
        assumeSwap();
        store.put(0, b("a"), b("v"), Entry.NO_EXPIRY);
        store.swap(0, 0);
        assertArrayEquals(b("v"), value(0, "a"));
        store.swap(0, 7);
        assertTrue(store.get(0, b("a")).isEmpty());
        assertArrayEquals(b("v"), value(7, "a"));
    }

    @Test
    void swap_whileUpdating_keepsEveryIncrement() throws Exception {
        assumeSwap();
        int clients = Math.max(2, concurrentClients() / 10);
        int each = Math.max(10, incrementsPerClient() / 10);
        // Counters named by database: swapping twice in a row must never lose or misplace increments.
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> swapper = pool.submit(() -> {
                while (!stop.get()) {
                    store.swap(0, 1);
                    store.swap(0, 1);
                }
                return null;
            });
            runConcurrently(clients, i -> {
                for (int n = 0; n < each; n++) {
                    // Atomic over both dbs: increment whichever database currently holds the counter.
                    store.updateAll(List.of(new KeyRef(0, b("c")), new KeyRef(1, b("c"))), cur -> {
                        int at = cur.get(0).isPresent() ? 0 : cur.get(1).isPresent() ? 1 : 0;
                        long next = cur.get(at).map(e -> Long.parseLong(s(e.bytes()))).orElse(0L) + 1;
                        List<Mutation> m = at == 0
                                ? List.of(Mutation.put(b(Long.toString(next)), 0), Mutation.KEEP)
                                : List.of(Mutation.KEEP, Mutation.put(b(Long.toString(next)), 0));
                        return new Decision.Multi<>(m, null);
                    });
                }
            });
            stop.set(true);
            swapper.get();
        }
        Optional<Entry> c0 = store.get(0, b("c"));
        Optional<Entry> c1 = store.get(1, b("c"));
        assertTrue(c0.isPresent() != c1.isPresent());
        assertEquals(Long.toString((long) clients * each), s(c0.or(() -> c1).orElseThrow().bytes()));
    }

    // ---- binary safety ---------------------------------------------------------------------

    @Test
    void binary_everyByteValueInKeyAndValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        store.put(0, all, all, Entry.NO_EXPIRY);
        assertArrayEquals(all, store.get(0, all).orElseThrow().bytes());
        byte[] differsInLastByte = all.clone();
        differsInLastByte[255] = 0;
        assertTrue(store.get(0, differsInLastByte).isEmpty());
        for (int i = 0; i < 256; i++) {
            store.put(1, new byte[] {(byte) i}, new byte[] {(byte) i}, Entry.NO_EXPIRY);
        }
        for (int i = 0; i < 256; i++) {
            assertArrayEquals(new byte[] {(byte) i}, store.get(1, new byte[] {(byte) i}).orElseThrow().bytes());
        }
        assertEquals(256, store.stats(1).keys());
        assertEquals(256, scanAll(1, 16).size());
    }

    @Test
    void binary_emptyKeyAndEmptyValue() {
        store.put(0, new byte[0], new byte[0], Entry.NO_EXPIRY);
        assertArrayEquals(new byte[0], store.get(0, new byte[0]).orElseThrow().bytes());
        assertArrayEquals(new byte[0], store.randomKey(0).orElseThrow());
        boolean present = store.update(0, new byte[0], cur -> Decision.keep(cur.isPresent()));
        assertTrue(present);
        assertTrue(store.delete(0, new byte[0]));
        assertTrue(store.get(0, new byte[0]).isEmpty());
    }

    @Test
    void binary_crlfInKeysAndValues() {
        byte[] key = b("a\r\nb\r\n");
        byte[] value = b("*1\r\n$3\r\nGET\r\n\0");
        store.put(0, key, value, Entry.NO_EXPIRY);
        assertArrayEquals(value, store.get(0, key).orElseThrow().bytes());
        assertTrue(store.get(0, b("a\r\nb")).isEmpty());
    }

    @Test
    void binary_largeValue() {
        byte[] big = new byte[largeValueBytes()];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >>> 8));
        }
        store.put(0, b("big"), big, Entry.NO_EXPIRY);
        assertArrayEquals(big, value(0, "big"));
        store.update(0, b("big"), cur -> Decision.put(cur.orElseThrow().value(), Entry.NO_EXPIRY, null));
        assertArrayEquals(big, value(0, "big"));
    }

    // ---- misc ------------------------------------------------------------------------------

    @Test
    void name_isNotBlank() {
        assertFalse(store.name().isBlank());
    }

    @Test
    void info_isNotNull() {
        assertTrue(store.info() != null);
    }

    @Test
    void close_isIdempotent() {
        store.close();
        store.close();
    }

    /** Body of one client in {@link #runConcurrently}. */
    protected interface Client {
        void run(int index) throws Exception;
    }

    /** Runs {@code clients} bodies released together ({@link Race}); rethrows the first failure. */
    protected static void runConcurrently(int clients, Client body) throws Exception {
        Race.run(clients, i -> {
            body.run(i);
            return null;
        });
    }
}
