package io.goredis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RaceTest {

    @Test
    void resultsInParticipantOrder_allReleasedAfterAllAreReady() throws Exception {
        AtomicInteger ready = new AtomicInteger();
        List<Integer> seen = Race.run(8, i -> {
            ready.incrementAndGet();
            return () -> { };
        }, (none, i) -> ready.get());
        assertEquals(List.of(8, 8, 8, 8, 8, 8, 8, 8), seen, "every body ran after every set-up");
        assertEquals(List.of(0, 10, 20), Race.run(3, i -> i * 10));
    }

    @Test
    void failureIsRethrownAsThrown_andResourcesClosed() {
        AtomicInteger closed = new AtomicInteger();
        IOException boom = new IOException("boom");
        IOException thrown = assertThrows(IOException.class, () -> Race.run(4, i -> closed::incrementAndGet, (r, i) -> {
            if (i == 2) {
                throw boom;
            }
            return i;
        }));
        assertSame(boom, thrown);
        assertEquals(4, closed.get());
        AssertionError failed = assertThrows(AssertionError.class, () -> Race.run(2, i -> {
            assertTrue(i < 1, "participant " + i);
            return i;
        }));
        assertEquals("participant 1 ==> expected: <true> but was: <false>", failed.getMessage());
    }

    @Test
    void failedSetUp_doesNotHoldTheOthersAtTheGate() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Race.run(3, i -> {
            if (i == 0) {
                throw new IllegalStateException("no connection");
            }
            return () -> { };
        }, (r, i) -> i));
        assertEquals("no connection", e.getMessage());
    }
}
