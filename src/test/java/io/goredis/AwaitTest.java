package io.goredis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();
        Await.until(Duration.ofSeconds(5), () -> polls.incrementAndGet() >= 3, () -> "never");
        assertEquals(3, polls.get());
    }

    @Test
    void failsWithTheMessagePastTheDeadline() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until(Duration.ofMillis(20), () -> false, () -> "still false"));
        assertEquals("still false ==> expected: <true> but was: <false>", e.getMessage());
    }
}
