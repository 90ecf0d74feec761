package io.goredis.store.memory;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lock striping for the {@link InMemoryStore}. Every write holds the stripe lock of its key, so
 * writes to one key are serialized and a multi-key operation can lock all its stripes (in ascending
 * order: no deadlocks).
 *
 * <p>Reads take no lock. Single-key writes are one map operation, so a reader sees them whole. A
 * multi-key change (updateAll, swap, flushAll) would be visible half-done, so it marks its stripes
 * with a sequence number that is odd while it writes (a seqlock): a reader that sees an odd or
 * changed number falls back to taking the stripe lock, which waits for the change to finish.
 */
final class Stripes {

    static final int COUNT = 1024;

    /** Spacing of per-stripe counters in {@link #versions}: one 64-byte cache line each. */
    private static final int PAD = 8;

    private final ReentrantLock[] locks = new ReentrantLock[COUNT];
    private final AtomicLongArray seqs = new AtomicLongArray(COUNT);
    /**
     * Per-stripe version counters, read and bumped only under the stripe's lock. A key always maps
     * to the same stripe, so its versions rise strictly (across delete, re-create, databases),
     * without one store-wide counter that every write on every core would contend for.
     */
    private final long[] versions = new long[COUNT * PAD];
    /**
     * Creation counters per key-hash bucket ({@value #BUCKETS} of them), bumped whenever a key of
     * the bucket goes from absent (or expired) to live. A transaction that saw a key absent checks
     * that its bucket's counter is unchanged, so a key created and deleted again meanwhile is seen
     * as a change (Redis's WATCH). A bucket's keys all map to one stripe ({@code BUCKETS} is a
     * multiple of {@link #COUNT}), whose lock guards the counter.
     */
    static final int BUCKETS = 65536;
    private final long[] generations = new long[BUCKETS];

    Stripes() {
        for (int i = 0; i < COUNT; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    static int of(Key key) {
        return key.hash & (COUNT - 1);
    }

    void lock(int stripe) {
        locks[stripe].lock();
    }

    void unlock(int stripe) {
        locks[stripe].unlock();
    }

    /** The next version for a key of {@code stripe}; the caller holds the stripe's lock. */
    long nextVersion(int stripe) {
        return ++versions[stripe * PAD];
    }

    /** The creation counter of {@code key}'s bucket; the caller holds the key's stripe lock. */
    long generation(Key key) {
        return generations[key.hash & (BUCKETS - 1)];
    }

    /** Records that {@code key} became live; the caller holds the key's stripe lock. */
    void created(Key key) {
        generations[key.hash & (BUCKETS - 1)]++;
    }

    /** Sequence number to pass to {@link #unchanged}; odd means a multi-key change is in flight. */
    long readBegin(int stripe) {
        return seqs.get(stripe);
    }

    /** True if no multi-key change touched {@code stripe} since {@code readBegin} returned {@code seq}. */
    boolean unchanged(int stripe, long seq) {
        VarHandle.acquireFence();
        return (seq & 1) == 0 && seqs.get(stripe) == seq;
    }

    /** Marks a locked stripe as being changed by a multi-key operation (seq becomes odd). */
    void beginChange(int stripe) {
        seqs.incrementAndGet(stripe);
    }

    /** Ends {@link #beginChange} (seq becomes even again). */
    void endChange(int stripe) {
        seqs.incrementAndGet(stripe);
    }

    void lockAll() {
        for (int i = 0; i < COUNT; i++) {
            locks[i].lock();
        }
    }

    void unlockAll() {
        for (int i = COUNT - 1; i >= 0; i--) {
            locks[i].unlock();
        }
    }

    void beginChangeAll() {
        for (int i = 0; i < COUNT; i++) {
            seqs.incrementAndGet(i);
        }
    }

    void endChangeAll() {
        for (int i = 0; i < COUNT; i++) {
            seqs.incrementAndGet(i);
        }
    }
}
