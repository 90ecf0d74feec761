package io.goredis.store.dynamo;

import io.goredis.store.StoreException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the store retries an optimistic write that lost a race (ConditionalCheckFailed, a cancelled
 * transaction): at most {@code maxAttempts} attempts; the first retry is immediate (the failed
 * write already handed back the fresh item), later ones wait a random time up to
 * {@code min(capMillis, baseMillis * 2^attempt)} so that contending nodes spread out ("full jitter").
 */
record Backoff(int maxAttempts, long baseMillis, long capMillis) {

    /**
     * Short waits on purpose: the loser of a race already holds the fresh item, and long waits
     * would let the winning node (whose next local update goes straight out) win forever. The
     * attempt budget is large because each lost attempt means another client's write succeeded.
     */
    static final Backoff DEFAULT = new Backoff(1000, 1, 8);
    /** For unit tests with mocked clients: retry without waiting. */
    static final Backoff NONE = new Backoff(100, 0, 0);

    Backoff {
        if (maxAttempts < 1 || baseMillis < 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("bad backoff " + maxAttempts + "/" + baseMillis + "/" + capMillis);
        }
    }

    /** Waits before attempt number {@code attempt} (1-based; attempt 1 and 2 do not wait). */
    void pause(int attempt) {
        if (attempt <= 2 || capMillis == 0) {
            return;
        }
        long bound = Math.min(capMillis, baseMillis << Math.min(attempt - 2, 20));
        long millis = ThreadLocalRandom.current().nextLong(bound + 1);
        if (millis == 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("ERR interrupted while retrying a DynamoDB write", e);
        }
    }

    StoreException exhausted() {
        return new StoreException("ERR DynamoDB write conflict: gave up after " + maxAttempts
                + " attempts on a heavily contended key");
    }
}
