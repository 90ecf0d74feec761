package io.goredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionThreadsTest {

    /** Starts a session that records its thread kind and blocks until {@code release}. */
    private static void start(SessionThreads threads, List<Boolean> virtual, CountDownLatch running,
                              CountDownLatch release) {
        threads.execute(() -> {
            virtual.add(Thread.currentThread().isVirtual());
            running.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void firstSessionsGetPlatformThreads_theRestVirtual() throws Exception {
        SessionThreads threads = new SessionThreads(2);
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(2);
        start(threads, virtual, running, release);
        start(threads, virtual, running, release);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        CountDownLatch third = new CountDownLatch(1);
        start(threads, virtual, third, release);
        assertTrue(third.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(false, false, true), virtual, "two platform threads, then a virtual one");

        release.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(5000));
    }

    /** With one slot, three sessions in a row: each gets the slot back, and the same pooled thread. */
    @Test
    void sequentialSessions_reuseOnePlatformThread() throws Exception {
        SessionThreads threads = new SessionThreads(1);
        List<Thread> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            CountDownLatch done = new CountDownLatch(1);
            threads.execute(() -> {
                ran.add(Thread.currentThread());
                done.countDown();
            });
            assertTrue(done.await(5, TimeUnit.SECONDS));
            // the slot is released just after the session's last statement; then the thread parks in the pool
            Thread thread = ran.get(i);
            Await.until(Duration.ofSeconds(5),
                    () -> threads.freePlatformSlots() == 1 && thread.getState() == Thread.State.TIMED_WAITING,
                    () -> "session thread not back in the pool: " + thread.getState());
        }
        assertFalse(ran.get(0).isVirtual());
        assertEquals(List.of(ran.get(0), ran.get(0), ran.get(0)), ran);
        threads.shutdown();
        assertTrue(threads.awaitTermination(5000));
    }

    @Test
    void zeroMeansAllVirtual_andShutdownRejects() throws Exception {
        SessionThreads threads = new SessionThreads(0);
        CountDownLatch done = new CountDownLatch(1);
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        start(threads, virtual, done, new CountDownLatch(0));
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(true), virtual);
        threads.shutdown();
        assertThrows(RejectedExecutionException.class, () -> threads.execute(() -> { }));
        assertTrue(threads.awaitTermination(5000));
    }

    @Test
    void osRefusingAPlatformThread_fallsBackToVirtual_andKeepsTheSlot() throws Exception {
        SessionThreads threads = new SessionThreads(1, r -> {
            throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
        });
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        start(threads, virtual, done, new CountDownLatch(0));
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(true), virtual);
        assertEquals(1, threads.freePlatformSlots());
        threads.shutdown();
        assertTrue(threads.awaitTermination(5000));
    }

    @Test
    void shutdownRejects_platformSlotNotLeaked() {
        SessionThreads threads = new SessionThreads(1);
        threads.shutdown();
        assertThrows(RejectedExecutionException.class, () -> threads.execute(() -> { }));
        assertEquals(1, threads.freePlatformSlots());
    }
}
