package io.goredis.store.dynamo;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The versions this node gives the items it writes: a hybrid logical clock. A version is
 * {@code max(now in microseconds, floor + 1, last version this node issued + 1)}, where the floor
 * is the version the writer read (or -1 for a blind write). One instance per {@link DynamoStore},
 * shared by every write path ({@link KeyWrites}, {@link DynamoTransactions}, {@link FlushWrites}),
 * so the versions one node issues rise strictly. Across nodes, the writes' conditions make a write
 * land only above the version already stored (see {@link DynamoStore}, Versions).
 */
final class VersionClock {

    private final Clock clock;
    private final AtomicLong lastVersion = new AtomicLong();

    VersionClock(Clock clock) {
        this.clock = clock;
    }

    /** The next version: above the clock, above {@code floor}, above anything this node issued. */
    long next(long floor) {
        Instant now = clock.instant();
        long micros = Math.multiplyExact(now.getEpochSecond(), 1_000_000L) + now.getNano() / 1_000;
        long candidate = Math.max(micros, floor + 1);
        return lastVersion.accumulateAndGet(candidate, (last, c) -> Math.max(last + 1, c));
    }
}
