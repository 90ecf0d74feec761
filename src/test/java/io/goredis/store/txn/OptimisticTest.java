package io.goredis.store.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.store.ConflictException;
import io.goredis.store.Entry;
import io.goredis.store.MutableClock;
import io.goredis.store.StoreException;
import io.goredis.store.TxOp;
import io.goredis.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Optimistic}'s retry rules, with a base store whose commits fail on demand. */
class OptimisticTest {

    private final MutableClock clock = MutableClock.atNow();
    private final InMemoryStore memory = new InMemoryStore(clock, 16, Duration.ZERO);

    @AfterEach
    void close() {
        memory.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Fails the first {@code conflicts} commits with a conflict on operation {@code index}. */
    private static final class Flaky extends ForwardingStore {
        int conflicts;
        final int index;
        final List<Boolean> fresh = new ArrayList<>();

        Flaky(InMemoryStore base, int conflicts, int index) {
            super(base);
            this.conflicts = conflicts;
            this.index = index;
        }

        @Override
        public io.goredis.store.Observed observe(int db, byte[] key, boolean fresh) {
            this.fresh.add(fresh);
            return super.observe(db, key, fresh);
        }

        @Override
        public long[] commit(List<TxOp> ops) {
            if (conflicts > 0) {
                conflicts--;
                throw new ConflictException(index);
            }
            return super.commit(ops);
        }
    }

    @Test
    void conflict_runsTheBodyAgainFromTheBackend_andUndoesSessionEffects() {
        Flaky store = new Flaky(memory, 2, 0);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger undone = new AtomicInteger();
        String r = Optimistic.run(store, clock, Map.of(), view -> {
            runs.incrementAndGet();
            view.get(0, b("k"));
            view.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
            return "done";
        }, undone::incrementAndGet).orElseThrow();
        assertEquals("done", r);
        assertEquals(3, runs.get());
        assertEquals(2, undone.get());
        assertEquals(List.of(false, true, true), store.fresh);
    }

    @Test
    void endlessConflicts_giveUpWithAnError() {
        Flaky store = new Flaky(memory, Integer.MAX_VALUE, -1);
        StoreException e = assertThrows(StoreException.class, () -> Optimistic.run(store, clock, Map.of(), view -> {
            view.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
            return null;
        }, () -> { }));
        assertTrue(e.getMessage().startsWith("ERR transaction aborted"), e.getMessage());
        assertTrue(memory.get(0, b("k")).isEmpty());
    }

    @Test
    void failureInsideTheBody_isThrownAndNothingIsWritten() {
        StoreException e = assertThrows(StoreException.class, () -> Optimistic.run(memory, clock, Map.of(), view -> {
            view.put(0, b("k"), b("v"), Entry.NO_EXPIRY);
            try {
                view.flush(0);
            } catch (StoreException ignored) {
                // a command would answer this error; the transaction as a whole fails with it
            }
            return null;
        }, () -> { }));
        assertTrue(e.getMessage().contains("FLUSHDB"), e.getMessage());
        assertTrue(memory.get(0, b("k")).isEmpty());
    }
}
