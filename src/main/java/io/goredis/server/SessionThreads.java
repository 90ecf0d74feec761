package io.goredis.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread per session: a platform thread (pooled, reused by later sessions) while fewer than
 * {@code platformThreads} sessions hold one, a new virtual thread otherwise.
 *
 * <p>Why two kinds: a virtual thread blocked in a socket read is woken through the JDK's poller and
 * then a carrier thread, a platform thread by the kernel directly. On our 2-core machine that costs
 * a virtual thread about 25-35 µs more per wait: {@code redis-benchmark -t get -c 1} on the memory
 * store runs at ~13k/s (p50 63 µs) on virtual threads and ~23k/s (p50 31 µs) on platform threads,
 * and a session on the DynamoDB store, which waits twice per command (for the client, then for
 * DynamoDB), adds about a third of what it did. Virtual threads keep the server scaling past any OS
 * thread limit, and were ahead only on pipelined writes from many connections ({@code -P 16 -c 50}
 * SET: 5-15% more on virtual threads), so sessions beyond the bound still get one. See
 * {@code --platform-threads}.
 */
final class SessionThreads {

    private static final Logger log = LoggerFactory.getLogger(SessionThreads.class);

    private final Semaphore platformSlots;
    private final ExecutorService platform;
    private final ExecutorService virtual;

    SessionThreads(int platformThreads) {
        this(platformThreads, Thread.ofPlatform().name("goredis-session-p", 1).factory());
    }

    /** With {@code platformFactory} making the platform threads (tests inject a failing one). */
    SessionThreads(int platformThreads, ThreadFactory platformFactory) {
        this.platformSlots = new Semaphore(platformThreads);
        // Pooled: starting a platform thread per connection made clients that connect for each
        // command ~3x slower than on virtual threads. The semaphore bounds the sessions; a thread
        // idle for a minute ends.
        this.platform = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), platformFactory);
        this.virtual = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("goredis-session-", 1).factory());
    }

    /**
     * Starts {@code session} on a new thread.
     *
     * @throws RejectedExecutionException after {@link #shutdown()}
     */
    void execute(Runnable session) {
        if (platformSlots.tryAcquire()) {
            try {
                platform.execute(() -> {
                    try {
                        session.run();
                    } finally {
                        platformSlots.release();
                    }
                });
                return;
            } catch (RejectedExecutionException e) {
                platformSlots.release();
                throw e;
            } catch (OutOfMemoryError e) {
                // the OS refused another thread (ulimit -u, a container's pids limit): use a virtual one
                platformSlots.release();
                log.warn("could not start a platform thread ({}); serving the session on a virtual thread",
                        e.getMessage());
            }
        }
        virtual.execute(session);
    }

    /** Platform-thread slots free now. */
    int freePlatformSlots() {
        return platformSlots.availablePermits();
    }

    void shutdown() {
        platform.shutdown();
        virtual.shutdown();
    }

    /** Waits up to {@code millis} in all for every session thread to end; true if they did. */
    boolean awaitTermination(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        return platform.awaitTermination(millis, TimeUnit.MILLISECONDS)
                && virtual.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    void shutdownNow() {
        platform.shutdownNow();
        virtual.shutdownNow();
    }
}
