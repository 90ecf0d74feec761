package io.goredis.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Race;
import io.goredis.store.txn.Optimistic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The transaction half of the {@link Store} contract ({@link Store#observe}, {@link Store#commit},
 * and {@link Optimistic} runs over them), mixed into {@link StoreContractTest} so that every store
 * passes it.
 */
public interface TransactionContract {

    Store storeUnderTest();

    MutableClock clockUnderTest();

    /** Clients in the concurrent tests. */
    int concurrentClients();

    /** Rounds per client in the concurrent tests. */
    int incrementsPerClient();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyRef k(int db, String key) {
        return new KeyRef(db, b(key));
    }

    private Observed observe(int db, String key) {
        return storeUnderTest().observe(db, b(key), false);
    }

    @Test
    default void observe_absentKey_notLive() {
        Observed o = observe(0, "nothing");
        assertTrue(o.entry().isEmpty());
        assertFalse(o.stamp().live());
    }

    @Test
    default void observe_liveKey_entryAndItsVersion() {
        long v = storeUnderTest().put(0, b("k"), b("v"), Entry.NO_EXPIRY);
        Observed o = observe(0, "k");
        assertArrayEquals(b("v"), o.entry().orElseThrow().bytes());
        assertEquals(Stamp.live(v), o.stamp());
    }

    @Test
    default void commit_checksOfUnchangedKeys_passAndWriteNothing() {
        Store store = storeUnderTest();
        long v = store.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        Observed a = observe(0, "a");
        Observed none = observe(0, "none");
        store.commit(List.of(TxOp.check(k(0, "a"), a.stamp()), TxOp.check(k(0, "none"), none.stamp())));
        assertEquals(v, store.get(0, b("a")).orElseThrow().version());
        assertTrue(store.get(0, b("none")).isEmpty());
    }

    @Test
    default void commit_keyWrittenSinceObserved_conflictsAtItsIndexAndWritesNothing() {
        Store store = storeUnderTest();
        store.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        Observed a = observe(0, "a");
        Observed b = observe(0, "b");
        store.put(0, b("a"), b("2"), Entry.NO_EXPIRY);
        ConflictException e = assertThrows(ConflictException.class, () -> store.commit(List.of(
                new TxOp(k(0, "b"), b.stamp(), Mutation.put(b("new"), Entry.NO_EXPIRY)),
                new TxOp(k(0, "a"), a.stamp(), Mutation.put(b("3"), Entry.NO_EXPIRY)))));
        assertTrue(e.index() == 1 || e.index() == -1, "index " + e.index());
        assertArrayEquals(b("2"), store.get(0, b("a")).orElseThrow().bytes());
        assertTrue(store.get(0, b("b")).isEmpty());
    }

    @Test
    default void commit_absentKeyCreatedAndDeletedSince_conflicts() {
        Store store = storeUnderTest();
        Observed before = observe(0, "k");
        store.put(0, b("k"), b("x"), Entry.NO_EXPIRY);
        store.delete(0, b("k"));
        assertThrows(ConflictException.class, () -> store.commit(List.of(TxOp.check(k(0, "k"), before.stamp()))));
    }

    @Test
    default void commit_liveKeyDeletedSince_conflicts() {
        Store store = storeUnderTest();
        store.put(0, b("k"), b("x"), Entry.NO_EXPIRY);
        Observed before = observe(0, "k");
        store.delete(0, b("k"));
        assertThrows(ConflictException.class, () -> store.commit(List.of(TxOp.check(k(0, "k"), before.stamp()))));
    }

    @Test
    default void commit_liveKeyExpiredSince_conflicts() {
        Store store = storeUnderTest();
        store.put(0, b("k"), b("x"), clockUnderTest().millis() + 100);
        Observed before = observe(0, "k");
        clockUnderTest().advanceMillis(101);
        assertThrows(ConflictException.class, () -> store.commit(List.of(TxOp.check(k(0, "k"), before.stamp()))));
    }

    @Test
    default void commit_keyAlreadyExpiredWhenObserved_staysUnchanged() {
        Store store = storeUnderTest();
        store.put(0, b("k"), b("x"), clockUnderTest().millis() + 100);
        clockUnderTest().advanceMillis(101);
        Observed before = observe(0, "k");
        assertTrue(before.entry().isEmpty());
        clockUnderTest().advanceMillis(1000);
        store.commit(List.of(new TxOp(k(0, "k"), before.stamp(), Mutation.put(b("y"), Entry.NO_EXPIRY))));
        assertArrayEquals(b("y"), store.get(0, b("k")).orElseThrow().bytes());
    }

    @Test
    default void commit_putsAndDeletes_allApplied_versionsAboveWhatWasSeen() {
        Store store = storeUnderTest();
        long va = store.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        store.put(3, b("d"), b("gone"), Entry.NO_EXPIRY);
        Observed a = observe(0, "a");
        Observed c = observe(0, "c");
        Observed d = observe(3, "d");
        long[] versions = store.commit(List.of(
                new TxOp(k(0, "a"), a.stamp(), Mutation.put(b("2"), clockUnderTest().millis() + 5000)),
                new TxOp(k(0, "c"), c.stamp(), Mutation.put(b("new"), Entry.NO_EXPIRY)),
                new TxOp(k(3, "d"), d.stamp(), Mutation.DELETE)));
        assertEquals(3, versions.length);
        Entry ea = store.get(0, b("a")).orElseThrow();
        assertArrayEquals(b("2"), ea.bytes());
        assertEquals(clockUnderTest().millis() + 5000, ea.expireAtMillis());
        assertTrue(ea.version() > va);
        assertEquals(versions[0], ea.version());
        assertEquals(versions[1], store.get(0, b("c")).orElseThrow().version());
        assertTrue(store.get(3, b("d")).isEmpty());
    }

    @Test
    default void commit_blindPut_landsOverWhateverIsThere() {
        Store store = storeUnderTest();
        long v = store.put(0, b("k"), b("old"), Entry.NO_EXPIRY);
        long[] versions = store.commit(List.of(new TxOp(k(0, "k"), null, Mutation.put(b("new"), Entry.NO_EXPIRY))));
        Entry e = store.get(0, b("k")).orElseThrow();
        assertArrayEquals(b("new"), e.bytes());
        assertTrue(e.version() > v);
        assertEquals(versions[0], e.version());
    }

    @Test
    default void commit_deleteOfAbsentKey_isACheck() {
        Store store = storeUnderTest();
        Observed none = observe(0, "none");
        store.commit(List.of(new TxOp(k(0, "none"), none.stamp(), Mutation.DELETE)));
        assertTrue(store.get(0, b("none")).isEmpty());
        store.put(0, b("none"), b("now"), Entry.NO_EXPIRY);
        assertThrows(ConflictException.class,
                () -> store.commit(List.of(new TxOp(k(0, "none"), none.stamp(), Mutation.DELETE))));
        assertTrue(store.get(0, b("none")).isPresent());
    }

    /** An optimistic increment loop over observe + commit: no increment may be lost. */
    @Test
    default void commit_concurrentReadModifyWrites_loseNothing() throws Exception {
        Store store = storeUnderTest();
        int clients = Math.max(2, concurrentClients() / 5);
        int rounds = Math.max(5, incrementsPerClient() / 4);
        AtomicInteger conflicts = new AtomicInteger();
        Race.run(clients, i -> {
            for (int n = 0; n < rounds; n++) {
                while (true) {
                    Observed o = store.observe(0, b("counter"), false);
                    long value = o.entry().map(e -> Long.parseLong(new String(e.bytes(), StandardCharsets.US_ASCII)))
                            .orElse(0L);
                    try {
                        store.commit(List.of(new TxOp(k(0, "counter"), o.stamp(),
                                Mutation.put(b(Long.toString(value + 1)), Entry.NO_EXPIRY))));
                        break;
                    } catch (ConflictException e) {
                        conflicts.incrementAndGet();
                    }
                }
            }
            return null;
        });
        assertEquals(Long.toString((long) clients * rounds),
                new String(store.get(0, b("counter")).orElseThrow().bytes(), StandardCharsets.US_ASCII));
    }

    /** Transfers run as {@link Optimistic} transactions; every read-only transaction sees the total. */
    @Test
    default void optimistic_concurrentTransfers_preserveTotal() throws Exception {
        Store store = storeUnderTest();
        store.put(0, b("acct"), b("1000"), Entry.NO_EXPIRY);
        store.put(1, b("acct"), b("1000"), Entry.NO_EXPIRY);
        int clients = Math.max(2, concurrentClients() / 5);
        int rounds = Math.max(5, incrementsPerClient() / 4);
        AtomicInteger badReads = new AtomicInteger();
        Race.run(clients, i -> {
            for (int n = 0; n < rounds; n++) {
                if (i % 2 == 0) {
                    Optimistic.run(store, clockUnderTest(), Map.of(), view -> {
                        long a = Long.parseLong(new String(view.get(0, b("acct")).orElseThrow().bytes(),
                                StandardCharsets.US_ASCII));
                        long c = Long.parseLong(new String(view.get(1, b("acct")).orElseThrow().bytes(),
                                StandardCharsets.US_ASCII));
                        view.put(0, b("acct"), b(Long.toString(a - 1)), Entry.NO_EXPIRY);
                        view.put(1, b("acct"), b(Long.toString(c + 1)), Entry.NO_EXPIRY);
                        return "moved";
                    }, () -> { });
                } else {
                    long total = Optimistic.run(store, clockUnderTest(), Map.of(), view ->
                            Long.parseLong(new String(view.get(0, b("acct")).orElseThrow().bytes(), StandardCharsets.US_ASCII))
                                    + Long.parseLong(new String(view.get(1, b("acct")).orElseThrow().bytes(),
                                    StandardCharsets.US_ASCII)), () -> { }).orElseThrow();
                    if (total != 2000) {
                        badReads.incrementAndGet();
                    }
                }
            }
            return null;
        });
        assertEquals(0, badReads.get());
        int transfers = ((clients + 1) / 2) * rounds;
        assertEquals(Long.toString(1000 - transfers),
                new String(store.get(0, b("acct")).orElseThrow().bytes(), StandardCharsets.US_ASCII));
    }

    /** WATCH's shape: a watched key written by someone else ends the run with no result and no writes. */
    @Test
    default void optimistic_watchedKeyChanged_abortsWithoutWriting() {
        Store store = storeUnderTest();
        store.put(0, b("w"), b("1"), Entry.NO_EXPIRY);
        Stamp watched = store.observe(0, b("w"), true).stamp();
        store.put(0, b("w"), b("2"), Entry.NO_EXPIRY);
        Optional<String> r = Optimistic.run(store, clockUnderTest(), Map.of(k(0, "w"), watched), view -> {
            view.put(0, b("other"), b("x"), Entry.NO_EXPIRY);
            return "ran";
        }, () -> { });
        assertTrue(r.isEmpty());
        assertTrue(store.get(0, b("other")).isEmpty());
    }

    @Test
    default void optimistic_watchedKeyUnchanged_commits() {
        Store store = storeUnderTest();
        Stamp watched = store.observe(0, b("w"), true).stamp();
        Optional<String> r = Optimistic.run(store, clockUnderTest(), Map.of(k(0, "w"), watched), view -> {
            view.put(0, b("w"), b("mine"), Entry.NO_EXPIRY);
            return "ran";
        }, () -> { });
        assertEquals(Optional.of("ran"), r);
        assertArrayEquals(b("mine"), store.get(0, b("w")).orElseThrow().bytes());
    }
}
