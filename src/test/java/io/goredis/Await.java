package io.goredis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting in tests for something asynchronous (a stream record reaching another node, a session
 * ending, a background thread starting): poll every 5 ms, fail with a message past a deadline.
 * The deadline only bounds a failure; no test asserts how fast anything happens.
 */
public final class Await {

    private static final long POLL_MILLIS = 5;

    private Await() {}

    /** Returns once {@code condition} holds; fails with {@code message} if it still does not after {@code deadline}. */
    public static void until(Duration deadline, BooleanSupplier condition, Supplier<String> message) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, message);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + message.get(), e);
            }
        }
    }
}
