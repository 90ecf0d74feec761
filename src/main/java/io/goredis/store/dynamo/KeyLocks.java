package io.goredis.store.dynamo;

import io.goredis.store.KeyRef;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Node-local striped locks that queue this node's read-modify-writes of the same key, so that only
 * one of them at a time races other nodes through DynamoDB's conditional writes. Without it, N
 * local sessions INCRing one key make N-1 wasted DynamoDB writes per success; with it, contention
 * in DynamoDB is between nodes only. Correctness never depends on these locks (the conditional
 * writes do that); they are a throughput measure. ReentrantLock, not synchronized: the holder does
 * DynamoDB I/O.
 */
final class KeyLocks {

    /** Releases what {@link #lock} took. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * One held stripe, which can also hand the item its holder just wrote to the next holder: a
     * queue of local INCRs on a hot key then costs one DynamoDB write each instead of a read and a
     * write. A hint is only a guess (another node may have written since): the conditional write
     * checks it, and the caller re-reads before trusting it for a decision that writes nothing.
     */
    final class Stripe implements Held {
        private final int index;

        private Stripe(int index) {
            this.index = index;
        }

        /** The item the previous holder wrote to {@code pk}, or null; consumed. */
        Map<String, AttributeValue> takeHint(ByteBuffer pk) {
            Hint h = hints[index];
            if (h != null && h.pk().equals(pk)) {
                hints[index] = null;
                return h.item();
            }
            return null;
        }

        /** Leaves {@code item} for the next holder if someone is waiting for this stripe. */
        void handOver(ByteBuffer pk, Map<String, AttributeValue> item) {
            hints[index] = stripes[index].hasQueuedThreads() ? new Hint(pk, item) : null;
        }

        @Override
        public void close() {
            stripes[index].unlock();
        }
    }

    private record Hint(ByteBuffer pk, Map<String, AttributeValue> item) {}

    private final ReentrantLock[] stripes;
    /** Per stripe; read and written only by the stripe's lock holder. */
    private final Hint[] hints;

    KeyLocks(int stripes) {
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two, was " + stripes);
        }
        this.stripes = new ReentrantLock[stripes];
        this.hints = new Hint[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    Stripe lock(int db, byte[] key) {
        int i = stripe(db, key);
        stripes[i].lock();
        return new Stripe(i);
    }

    /** Locks the stripes of all keys in ascending stripe order (so two callers cannot deadlock). */
    Held lock(List<KeyRef> keys) {
        int[] idx = keys.stream().mapToInt(k -> stripe(k.db(), k.key())).sorted().distinct().toArray();
        for (int i : idx) {
            stripes[i].lock();
        }
        return () -> {
            for (int i = idx.length - 1; i >= 0; i--) {
                stripes[idx[i]].unlock();
            }
        };
    }

    int stripe(int db, byte[] key) {
        int h = Arrays.hashCode(key) * 31 + db;
        h ^= h >>> 16;
        return h & (stripes.length - 1);
    }
}
