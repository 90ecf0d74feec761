package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.goredis.command.TestContext;
import io.goredis.store.MutableClock;
import io.goredis.store.ScanPage;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SCAN over stores whose pages are short (DynamoDB returns what one Scan call read, often few of
 * this database's keys): the command reads on until COUNT keys, the end, or its page budget.
 * Mockito shapes the pages, which no real store does on demand.
 */
class ScanPagingTest {

    private final MutableClock clock = new MutableClock(KeysFixture.FIXED_NOW);
    private final Store real = new InMemoryStore(clock, 16, Duration.ZERO);
    /** Everything goes to the real store; tests reshape only {@code scan}. */
    private final Store store = mock(Store.class, withSettings().defaultAnswer(delegatesTo(real)));
    private final TestContext ctx = new TestContext(store, clock);

    private String run(String... words) {
        return KeysFixture.render(ctx.run(words));
    }

    /** Pages of at most one key, whatever COUNT asks. */
    private void onePerPage() {
        doAnswer(inv -> real.scan(inv.getArgument(0), inv.getArgument(1), 1))
                .when(store).scan(anyInt(), anyLong(), anyInt());
    }

    @Test
    void scan_readsShortPagesUntilCount() {
        for (int i = 0; i < 5; i++) {
            store.put(0, KeysFixture.bytes("k" + i), KeysFixture.bytes("v"), 0);
        }
        onePerPage();
        String r = run("SCAN", "0", "COUNT", "3");
        assertEquals(3, r.split("\"k").length - 1, r);
        assertFalse(r.startsWith("[\"0\""), r);
        verify(store, times(3)).scan(eq(0), anyLong(), anyInt());
        r = run("SCAN", "0");
        assertEquals(5, r.split("\"k").length - 1, r);
        assertTrue(r.startsWith("[\"0\""), r);
    }

    @Test
    void scan_wholeSmallDatabaseInOneCallEndsAtZero() {
        store.put(0, KeysFixture.bytes("a"), KeysFixture.bytes("v"), 0);
        store.put(0, KeysFixture.bytes("b"), KeysFixture.bytes("v"), 0);
        onePerPage();
        // redis-server: a small database is answered whole with cursor 0, even if nothing matches
        assertEquals("[\"0\", []]", run("SCAN", "0", "MATCH", "nosuch*"));
    }

    @Test
    void scan_pageBudgetBoundsStoreCalls() {
        doReturn(new ScanPage(42, List.of())).when(store).scan(eq(0), anyLong(), anyInt());
        assertEquals("[\"42\", []]", run("SCAN", "7"));
        verify(store, times(Scan.MAX_STORE_CALLS)).scan(eq(0), anyLong(), anyInt());
    }
}
