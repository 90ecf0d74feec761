package io.goredis.store.memory;

import io.goredis.store.Entry;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active expiry of the {@link InMemoryStore}: reclaiming expired keys nobody reads, so their memory
 * comes back. {@link Cycle} is one round of the work (Redis's {@code activeExpireCycle}); this
 * class is the background thread that runs it.
 *
 * <p>Every period the thread runs one expiry cycle with a budget of a quarter of the period
 * (Redis's slow cycle: hz 10, 25% of a core). A cycle that spends its whole budget leaves expired
 * keys behind, so the next one starts after a rest as long as the budget (50% of one core) until
 * the backlog is gone: Redis tops its slow cycle up with fast cycles in the same situation, and
 * here the work runs on its own thread, beside the sessions rather than in front of them. Started
 * by the {@link InMemoryStore} constructor (unless its period is zero), stopped by {@link #close}.
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

    /**
     * One active expiry cycle, after Redis's {@code activeExpireCycle}: for each database in turn,
     * sample {@value InMemoryStore#EXPIRE_SAMPLE} keys with an expiry (resuming where the last
     * cycle stopped), reclaim the expired ones, and keep sampling that database while more than 25%
     * of a sample was expired. Stops once the budget is spent.
     *
     * <p>Not thread-safe: one thread at a time runs cycles (the expiry thread, or a test driving
     * them by hand), so its round-robin position and each {@link Db#expireCursor} need no lock.
     * Each key is reclaimed under its stripe lock ({@link Keyspace#reclaim}), re-checked there.
     */
    static final class Cycle {

        private final Keyspace keyspace;
        /** Database the next expiry cycle starts with (round robin, as Redis's current_db). */
        private int nextExpireDb;
        /** Time spent in expiry cycles (Redis's expire_cycle_cpu_milliseconds, as wall time). */
        private final LongAdder expireCycleNanos = new LongAdder();

        Cycle(Keyspace keyspace) {
            this.keyspace = keyspace;
        }

        /** Time spent in cycles so far, in nanoseconds. */
        long nanos() {
            return expireCycleNanos.sum();
        }

        /** Runs one cycle within {@code budgetNanos}; returns the number of keys reclaimed. */
        int run(long budgetNanos) {
            long start = System.nanoTime();
            try {
                return run(start, budgetNanos);
            } finally {
                expireCycleNanos.add(System.nanoTime() - start);
            }
        }

        private int run(long start, long budgetNanos) {
            long now = keyspace.now();
            int removed = 0;
            int n = keyspace.databases();
            for (int i = 0; i < n; i++) {
                int index = (nextExpireDb + i) % n;
                Db d = keyspace.db(index);
                while (d.expires.sum() > 0 && d.hasExpired(now)) {
                    int sampled = 0;
                    int expired = 0;
                    Iterator<Key> it = (d.expireCursor == null
                                    ? d.volatileKeys
                                    : d.volatileKeys.tailSet(d.expireCursor, false))
                            .iterator();
                    while (sampled < InMemoryStore.EXPIRE_SAMPLE && it.hasNext()) {
                        Key k = it.next();
                        d.expireCursor = k;
                        sampled++;
                        Entry e = d.map.get(k);
                        if (e != null && e.isExpiredAt(now) && keyspace.reclaim(d, k, now)) {
                            expired++;
                        }
                    }
                    if (!it.hasNext()) {
                        d.expireCursor = null; // wrap around next time
                    }
                    removed += expired;
                    if (System.nanoTime() - start >= budgetNanos) {
                        nextExpireDb = index;
                        return removed;
                    }
                    if (sampled == 0 || expired * 4 <= sampled) {
                        break;
                    }
                }
            }
            nextExpireDb = 0;
            return removed;
        }
    }
}
