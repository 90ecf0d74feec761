package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The atomicity claims of issue 3, through the command handlers over the in-memory store. */
class StringConcurrencyTest extends StringCommandTestBase {

    private static final int THREADS = 50;

    @Test
    void incr_fiftyThreadsThousandEachEndsAtFiftyThousand() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 1000; i++) {
                        ctx.run("INCR", "counter");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertEquals("50000", stored("counter"));
    }

    @Test
    void setNx_fiftyThreadsRaceExactlyOneWinner() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                String value = "v" + t;
                replies.add(pool.submit(() -> {
                    start.await();
                    return ctx.run("SET", "k", value, "NX");
                }));
            }
            start.countDown();
            int winners = 0;
            String winner = null;
            for (int t = 0; t < THREADS; t++) {
                if (replies.get(t).get().equals(Reply.OK)) {
                    winners++;
                    winner = "v" + t;
                }
            }
            assertEquals(1, winners);
            assertEquals(winner, stored("k"));
        }
    }

    @Test
    void append_concurrentAppendsLoseNothing() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        ctx.run("APPEND", "log", "x");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertEquals(1600, stored("log").length());
    }
}
