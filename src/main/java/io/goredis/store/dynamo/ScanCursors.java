package io.goredis.store.dynamo;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps Redis's numeric SCAN cursors to DynamoDB's LastEvaluatedKey, on this node only.
 *
 * <p>A LastEvaluatedKey is a whole partition key (up to 2 KB), so it cannot be packed into a 64-bit
 * cursor. Each page that has more to come gets a random positive cursor id that remembers where it
 * stopped. Entries live for {@code ttl} and at most {@code capacity} are kept (least recently used
 * goes first). A cursor issued by another node, or forgotten, is unknown here: the store answers
 * {@code ERR invalid cursor} rather than silently restarting (which could loop forever).
 */
final class ScanCursors {

    private record Position(Map<String, AttributeValue> lastKey, long createdMillis) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<Long, Position> positions = new LinkedHashMap<>(64, 0.75f, true);
    private final Clock clock;
    private final long ttlMillis;
    private final int capacity;

    ScanCursors(Clock clock, Duration ttl, int capacity) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.capacity = capacity;
    }

    /** Remembers {@code lastKey} and returns the cursor that resumes after it (never 0). */
    long remember(Map<String, AttributeValue> lastKey) {
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        lock.lock();
        try {
            evictExpired();
            positions.put(id, new Position(Map.copyOf(lastKey), clock.millis()));
            while (positions.size() > capacity) {
                Iterator<Long> it = positions.keySet().iterator();
                it.next();
                it.remove();
            }
        } finally {
            lock.unlock();
        }
        return id;
    }

    /** Where {@code cursor} resumes, or null if this node does not know it (any more). */
    Map<String, AttributeValue> resume(long cursor) {
        lock.lock();
        try {
            evictExpired();
            Position p = positions.get(cursor);
            return p == null ? null : p.lastKey();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return positions.size();
        } finally {
            lock.unlock();
        }
    }

    private void evictExpired() {
        long oldest = clock.millis() - ttlMillis;
        positions.values().removeIf(p -> p.createdMillis() < oldest);
    }
}
