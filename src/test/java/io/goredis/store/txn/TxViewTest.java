package io.goredis.store.txn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.store.ConflictException;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.Mutation;
import io.goredis.store.MutableClock;
import io.goredis.store.ScanPage;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import io.goredis.store.TxOp;
import io.goredis.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link TxView} over an in-memory base store: buffering, what commit sends, the limits. */
class TxViewTest {

    private final MutableClock clock = MutableClock.atNow();
    private final InMemoryStore base = new InMemoryStore(clock, 16, Duration.ZERO);

    @AfterEach
    void close() {
        base.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private TxView view() {
        return new TxView(base, clock, Map.of(), false);
    }

    @Test
    void writes_areBufferedUntilCommit_andReadBackInside() {
        TxView v = view();
        v.put(0, b("k"), b("1"), Entry.NO_EXPIRY);
        assertArrayEquals(b("1"), v.get(0, b("k")).orElseThrow().bytes());
        assertTrue(base.get(0, b("k")).isEmpty());
        v.commit();
        assertArrayEquals(b("1"), base.get(0, b("k")).orElseThrow().bytes());
    }

    @Test
    void update_seesBufferedWrite_andDeleteReportsWhatWasThere() {
        base.put(0, b("n"), b("5"), Entry.NO_EXPIRY);
        TxView v = view();
        long r = v.update(0, b("n"), cur -> {
            long next = Long.parseLong(s(cur.orElseThrow().bytes())) + 1;
            return Decision.put(b(Long.toString(next)), Entry.NO_EXPIRY, next);
        });
        assertEquals(6, r);
        assertTrue(v.delete(0, b("n")));
        assertFalse(v.delete(0, b("n")));
        assertTrue(v.get(0, b("n")).isEmpty());
        v.commit();
        assertTrue(base.get(0, b("n")).isEmpty());
    }

    @Test
    void readOnly_singleKey_needsNoCommitCheck() {
        base.put(0, b("k"), b("1"), Entry.NO_EXPIRY);
        TxView v = view();
        v.get(0, b("k"));
        base.put(0, b("k"), b("2"), Entry.NO_EXPIRY);
        v.commit(); // one consistent read is atomic by itself
    }

    @Test
    void readOnly_twoKeys_changedBetweenReads_conflicts() {
        TxView v = view();
        v.get(0, b("a"));
        base.put(0, b("a"), b("x"), Entry.NO_EXPIRY);
        v.get(0, b("b"));
        assertThrows(ConflictException.class, v::commit);
    }

    @Test
    void operations_checkReadKeys_writeWrittenOnes_blindPutHasNoExpectation() {
        base.put(0, b("r"), b("1"), Entry.NO_EXPIRY);
        TxView v = view();
        v.get(0, b("r"));
        v.put(0, b("w"), b("2"), Entry.NO_EXPIRY);
        List<TxOp> ops = v.operations();
        assertEquals(2, ops.size());
        assertTrue(ops.get(0).mutation() instanceof Mutation.Keep);
        assertTrue(ops.get(0).expected().live());
        assertTrue(ops.get(1).mutation() instanceof Mutation.Put);
        assertEquals(null, ops.get(1).expected());
    }

    @Test
    void watchedKeyChanged_isSeenOnFirstRead() {
        Stamp seen = base.observe(0, b("w"), true).stamp();
        base.put(0, b("w"), b("changed"), Entry.NO_EXPIRY);
        TxView v = new TxView(base, clock, Map.of(new KeyRef(0, b("w")), seen), false);
        assertThrows(TxView.WatchedKeyChanged.class, () -> v.get(0, b("w")));
    }

    @Test
    void watchedKeyNeverRead_isCheckedAtCommit() {
        Stamp seen = base.observe(0, b("w"), true).stamp();
        TxView v = new TxView(base, clock, Map.of(new KeyRef(0, b("w")), seen), false);
        v.put(0, b("other"), b("x"), Entry.NO_EXPIRY);
        base.put(0, b("w"), b("changed"), Entry.NO_EXPIRY);
        ConflictException e = assertThrows(ConflictException.class, v::commit);
        assertTrue(v.isWatched(v.operations().get(e.index()).key()));
        assertTrue(base.get(0, b("other")).isEmpty());
    }

    @Test
    void putAlreadyExpired_isADeleteOfWhatIsThere() {
        base.put(0, b("k"), b("1"), Entry.NO_EXPIRY);
        TxView v = view();
        v.put(0, b("k"), b("2"), clock.millis() - 1);
        assertTrue(v.get(0, b("k")).isEmpty());
        v.commit();
        assertTrue(base.get(0, b("k")).isEmpty());
    }

    @Test
    void tooManyKeys_failsTheWholeTransaction() {
        Store limited = new LimitedStore(base, 3);
        TxView v = new TxView(limited, clock, Map.of(), false);
        v.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        v.put(0, b("b"), b("1"), Entry.NO_EXPIRY);
        v.put(0, b("c"), b("1"), Entry.NO_EXPIRY);
        StoreException e = assertThrows(StoreException.class, () -> v.put(0, b("d"), b("1"), Entry.NO_EXPIRY));
        assertTrue(e.getMessage().contains("more than 3 keys"), e.getMessage());
        assertSame(e, v.failure());
        assertSame(e, assertThrows(StoreException.class, v::commit));
        assertTrue(base.get(0, b("a")).isEmpty());
    }

    @Test
    void scan_dropsDeletedKeys_andAddsCreatedOnesOnTheLastPage() {
        base.put(0, b("old"), b("1"), Entry.NO_EXPIRY);
        base.put(0, b("doomed"), b("1"), Entry.NO_EXPIRY);
        TxView v = view();
        v.delete(0, b("doomed"));
        v.put(0, b("fresh"), b("1"), Entry.NO_EXPIRY);
        v.put(1, b("elsewhere"), b("1"), Entry.NO_EXPIRY);
        Set<String> keys = new HashSet<>();
        long cursor = 0;
        do {
            ScanPage p = v.scan(0, cursor, 10);
            p.keys().forEach(k -> keys.add(s(k)));
            cursor = p.nextCursor();
        } while (cursor != 0);
        assertEquals(Set.of("old", "fresh"), keys);
    }

    @Test
    void stats_countTheTransactionsOwnWrites() {
        base.put(0, b("a"), b("1"), Entry.NO_EXPIRY);
        base.put(0, b("b"), b("1"), clock.millis() + 10_000);
        TxView v = view();
        v.delete(0, b("b"));
        v.put(0, b("c"), b("1"), clock.millis() + 10_000);
        v.put(0, b("a"), b("2"), Entry.NO_EXPIRY);
        assertEquals(new KeyspaceStats(2, 1), v.stats(0));
    }

    @Test
    void flush_andSwap_areRefused() {
        TxView v = view();
        assertThrows(StoreException.class, () -> v.flush(0));
        assertThrows(StoreException.class, () -> v.swap(0, 1));
        assertTrue(v.failure() != null);
    }

    @Test
    void updateAll_writesEachKey() {
        base.put(0, b("src"), b("v"), Entry.NO_EXPIRY);
        TxView v = view();
        v.updateAll(List.of(new KeyRef(0, b("src")), new KeyRef(0, b("dst"))), cur -> new Decision.Multi<>(
                List.of(Mutation.DELETE, Mutation.put(cur.get(0).orElseThrow().value(), Entry.NO_EXPIRY)), null));
        v.commit();
        assertTrue(base.get(0, b("src")).isEmpty());
        assertArrayEquals(b("v"), base.get(0, b("dst")).orElseThrow().bytes());
    }

    /** The base store with a lower transaction key limit, as DynamoDB's 100. */
    private static final class LimitedStore extends ForwardingStore {
        private final int max;

        LimitedStore(Store base, int max) {
            super(base);
            this.max = max;
        }

        @Override
        public int maxTransactionKeys() {
            return max;
        }
    }
}
