package io.goredis.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.store.KeyRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-key lines of blocked clients: hints go to the first in line and pass on when it leaves. */
class WaitersTest {

    private static final KeyRef Q = new KeyRef(0, "q".getBytes(StandardCharsets.US_ASCII));

    private final Waiters waiters = new Waiters(null, 0);

    private static Waiters.Wake poll(Waiters.Waiter w) {
        return w.await(System.nanoTime(), () -> true);
    }

    @Test
    void signal_wakesOnlyTheFirstInLine() {
        try (Waiters.Waiter first = waiters.enter(1, List.of(Q)); Waiters.Waiter second = waiters.enter(2, List.of(Q))) {
            waiters.signal(Q);
            assertEquals(Waiters.Wake.HINT, poll(first));
            assertEquals(Waiters.Wake.TIMEOUT, poll(second));
        }
    }

    @Test
    void close_servedOrWithUnusedHint_passesTheHintToTheNext() {
        Waiters.Waiter first = waiters.enter(1, List.of(Q));
        try (Waiters.Waiter second = waiters.enter(2, List.of(Q))) {
            waiters.signal(Q);
            first.close(); // left without using its hint
            assertEquals(Waiters.Wake.HINT, poll(second));
        }
        assertEquals(0, waiters.blockedCount());
        assertFalse(waiters.anyBlocked());
    }

    @Test
    void unblock_endsTheWait_asTimeoutOrError() {
        try (Waiters.Waiter w = waiters.enter(7, List.of(Q))) {
            assertTrue(waiters.isBlocked(7));
            assertTrue(waiters.unblock(7, true));
            assertEquals(Waiters.Wake.UNBLOCKED_ERROR, w.await(Long.MAX_VALUE, () -> true));
            assertFalse(waiters.unblock(7, false));
        }
        assertFalse(waiters.unblock(7, false));
    }

    @Test
    void await_clientGone_returnsDisconnected() {
        try (Waiters.Waiter w = waiters.enter(3, List.of(Q))) {
            assertEquals(Waiters.Wake.DISCONNECTED, w.await(Long.MAX_VALUE, () -> false));
        }
    }
}
