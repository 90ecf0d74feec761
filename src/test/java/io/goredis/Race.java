package io.goredis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The start gate of our race tests: {@code n} participants, each on its own platform thread (real
 * preemptive parallelism), do their set-up (open a connection, build a context), wait until all of
 * them are ready, and are then released at one instant.
 *
 * <pre>{@code
 * List<Boolean> won = Race.run(20, i -> new Jedis(host, port), (jedis, i) -> "OK".equals(jedis.set("k", "v" + i, nx())));
 * }</pre>
 *
 * Results come back in participant order. The first failure (in participant order) is rethrown as
 * it was thrown, after every participant has finished.
 */
public final class Race {

    private Race() {}

    /** What participant {@code index} does once released. */
    public interface Body<T> {
        T run(int index) throws Exception;
    }

    /** Participant {@code index}'s set-up before the gate, e.g. opening its connection. */
    public interface Setup<R> {
        R open(int index) throws Exception;
    }

    /** What participant {@code index} does with what its set-up opened. */
    public interface BodyWith<R, T> {
        T run(R resource, int index) throws Exception;
    }

    /** Runs {@code body} in {@code n} participants released together; their results in order. */
    public static <T> List<T> run(int n, Body<T> body) throws Exception {
        return run(n, i -> () -> { }, (AutoCloseable none, int i) -> body.run(i));
    }

    /**
     * Each participant opens its resource with {@code setup} before the gate, runs {@code body} on
     * it once all are ready, and closes it after.
     */
    public static <R extends AutoCloseable, T> List<T> run(int n, Setup<R> setup, BodyWith<R, T> body)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>(n);
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("race-", 0).factory())) {
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    R resource;
                    try {
                        resource = setup.open(index);
                    } finally {
                        ready.countDown();  // a failed set-up must not hold the others at the gate
                    }
                    try (resource) {
                        go.await();
                        return body.run(resource, index);
                    }
                }));
            }
            ready.await();
            go.countDown();
        }
        List<T> results = new ArrayList<>(n);
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception x) {
                    throw x;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        return results;
    }
}
