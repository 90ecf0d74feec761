package io.goredis.store.dynamo;

import io.goredis.store.KeyRef;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

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

    private final ReentrantLock[] stripes;

    KeyLocks(int stripes) {
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two, was " + stripes);
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    Held lock(int db, byte[] key) {
        ReentrantLock l = stripes[stripe(db, key)];
        l.lock();
        return l::unlock;
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
