package io.goredis.store.memory;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that reclaims expired keys nobody reads: every period it runs one expiry
 * cycle with a budget of a quarter of the period (Redis's slow cycle: hz 10, 25% of a core).
 * A cycle that spends its whole budget leaves expired keys behind, so the next one starts after a
 * rest as long as the budget (50% of one core) until the backlog is gone: Redis tops its slow cycle
 * up with fast cycles in the same situation, and here the work runs on its own thread, beside the
 * sessions rather than in front of them. Started by the {@link InMemoryStore} constructor, stopped
 * by {@link #close}.
 */
final class ActiveExpiry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActiveExpiry.class);

    private final LongToIntFunction cycle;
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean closed;

    /** @param cycle runs one cycle within the given budget in nanoseconds, returns keys reclaimed */
    ActiveExpiry(LongToIntFunction cycle, Duration period) {
        this.cycle = cycle;
        this.periodNanos = period.toNanos();
        this.thread = Thread.ofPlatform().name("goredis-active-expire").daemon(true).unstarted(this::run);
        thread.start();
    }

    private void run() {
        long budget = Math.max(1, periodNanos / 4);
        while (!closed) {
            long start = System.nanoTime();
            try {
                cycle.applyAsInt(budget);
            } catch (RuntimeException e) {
                log.warn("active expiry cycle failed", e);
            }
            long spent = System.nanoTime() - start;
            long next = spent >= budget ? start + spent + budget : start + periodNanos;
            long wait;
            while (!closed && (wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    Thread thread() {
        return thread;
    }

    /** Stops the thread and waits for it (bounded). Idempotent. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            if (!thread.join(Duration.ofSeconds(5))) {
                log.warn("active expiry thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
