package io.goredis.command;

import io.goredis.store.KeyRef;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * This node's clients blocked in BLPOP and the other blocking list commands, in line per
 * {@code (db, key)} in the order they blocked (Redis's {@code db->blocking_keys}). One per server,
 * reached through {@link ServerView#waiters()}; the dispatcher calls {@link #signal} after each
 * write, the cache layer for each change it applies from the table's stream.
 *
 * <p>A signal is only a hint: the first waiter in line for the key wakes and retries its pop as an
 * ordinary atomic store update, so each element still goes to exactly one client, on this node or
 * another. A waiter that lost the race keeps its place and waits again; one that was served, or
 * that leaves (timeout, CLIENT UNBLOCK, disconnect) with a hint it did not use, hands the hint to
 * the next in line. Thread-safe: one {@link ReentrantLock} guards the lines (never held across I/O).
 */
public final class Waiters {

    /** How often a waiter checks that its client is still connected. */
    private static final long PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Why {@link Waiter#await} returned. */
    public enum Wake { HINT, TIMEOUT, UNBLOCKED_TIMEOUT, UNBLOCKED_ERROR, DISCONNECTED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<KeyRef, ArrayDeque<Waiter>> lines = new HashMap<>();
    private final Map<Long, Waiter> bySession = new HashMap<>();
    private final ExecutionGate gate;
    private final long recheckNanos;
    /** {@code bySession.size()}, readable without the lock: the dispatcher's fast path after each write. */
    private volatile int blocked;

    /**
     * @param gate         the node's gate: a waiter leaves it while it waits (else an EXEC on a
     *                     SERIAL store could never run); may be null
     * @param recheckMillis 0, or how often a waiter retries without a hint (a store whose other
     *                     nodes' writes are not seen here: the interim for DynamoDB without a cache)
     */
    public Waiters(ExecutionGate gate, long recheckMillis) {
        this.gate = gate;
        this.recheckNanos = TimeUnit.MILLISECONDS.toNanos(recheckMillis);
    }

    /** Puts session {@code sessionId} at the end of the line of each of {@code keys}. */
    public Waiter enter(long sessionId, List<KeyRef> keys) {
        Waiter w = new Waiter(sessionId, List.copyOf(keys));
        lock.lock();
        try {
            for (KeyRef k : w.keys) {
                ArrayDeque<Waiter> line = lines.computeIfAbsent(k, x -> new ArrayDeque<>());
                if (!line.contains(w)) {
                    line.addLast(w);
                }
            }
            bySession.put(sessionId, w);
            blocked = bySession.size();
        } finally {
            lock.unlock();
        }
        return w;
    }

    /** A write may have made {@code key} poppable: wakes the first waiter in its line, if any. */
    public void signal(KeyRef key) {
        lock.lock();
        try {
            ArrayDeque<Waiter> line = lines.get(key);
            if (line != null && !line.isEmpty()) {
                line.peekFirst().hint();
            }
        } finally {
            lock.unlock();
        }
    }

    public void signalAll(Collection<KeyRef> keys) {
        if (keys.isEmpty() || !anyBlocked()) {
            return;
        }
        for (KeyRef k : keys) {
            signal(k);
        }
    }

    /**
     * CLIENT UNBLOCK: ends session {@code sessionId}'s wait, as a timeout or with the UNBLOCKED
     * error. False if it is not blocked.
     */
    public boolean unblock(long sessionId, boolean error) {
        return end(sessionId, error ? Wake.UNBLOCKED_ERROR : Wake.UNBLOCKED_TIMEOUT);
    }

    /** The session's connection closed (CLIENT KILL): its wait ends at once. */
    public void disconnected(long sessionId) {
        end(sessionId, Wake.DISCONNECTED);
    }

    private boolean end(long sessionId, Wake why) {
        lock.lock();
        try {
            Waiter w = bySession.get(sessionId);
            if (w == null || w.ended != null) {
                return false;
            }
            w.ended = why;
            w.wakeup.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public boolean isBlocked(long sessionId) {
        lock.lock();
        try {
            return bySession.containsKey(sessionId);
        } finally {
            lock.unlock();
        }
    }

    /** INFO clients {@code blocked_clients}. */
    public int blockedCount() {
        lock.lock();
        try {
            return bySession.size();
        } finally {
            lock.unlock();
        }
    }

    /** True while some client waits: only then is a write worth signalling. */
    public boolean anyBlocked() {
        return blocked > 0;
    }

    /** One blocked session's place in the lines of its keys. Used by that session's thread only. */
    public final class Waiter implements AutoCloseable {
        private final long sessionId;
        private final List<KeyRef> keys;
        private final Condition wakeup = lock.newCondition();
        /** Guarded by {@code lock}: a hint not yet used, and why the wait was ended from outside. */
        private boolean hinted;
        private Wake ended;
        private boolean served;

        private Waiter(long sessionId, List<KeyRef> keys) {
            this.sessionId = sessionId;
            this.keys = keys;
        }

        private void hint() {
            hinted = true;
            wakeup.signalAll();
        }

        /**
         * Waits for a hint, the deadline ({@link System#nanoTime()}; {@code Long.MAX_VALUE} for
         * none), CLIENT UNBLOCK or the loss of the client ({@code connected} is probed every 100 ms).
         * The caller retries its pop on {@link Wake#HINT}.
         */
        public Wake await(long deadlineNanos, BooleanSupplier connected) {
            Wake[] out = new Wake[1];
            Runnable wait = () -> out[0] = awaitInGate(deadlineNanos, connected);
            if (gate != null) {
                gate.awayWhile(wait);
            } else {
                wait.run();
            }
            return out[0];
        }

        private Wake awaitInGate(long deadlineNanos, BooleanSupplier connected) {
            long since = System.nanoTime();
            while (true) {
                lock.lock();
                try {
                    if (ended != null) {
                        return ended;
                    }
                    if (hinted) {
                        hinted = false;
                        return Wake.HINT;
                    }
                    long now = System.nanoTime();
                    if (now - deadlineNanos >= 0 && deadlineNanos != Long.MAX_VALUE) {
                        return Wake.TIMEOUT;
                    }
                    if (recheckNanos > 0 && now - since >= recheckNanos) {
                        return Wake.HINT;
                    }
                    long slice = Math.min(PROBE_NANOS, deadlineNanos == Long.MAX_VALUE ? PROBE_NANOS : deadlineNanos - now);
                    wakeup.awaitNanos(Math.max(slice, 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Wake.DISCONNECTED;
                } finally {
                    lock.unlock();
                }
                if (!connected.getAsBoolean()) {
                    return Wake.DISCONNECTED;
                }
            }
        }

        /** The retried pop got an element: on close, the next waiters get a chance at what is left. */
        public void served() {
            served = true;
        }

        /** Leaves every line; a hint this waiter was given but did not use passes on to the next. */
        @Override
        public void close() {
            boolean pass;
            lock.lock();
            try {
                for (KeyRef k : keys) {
                    ArrayDeque<Waiter> line = lines.get(k);
                    if (line != null) {
                        line.remove(this);
                        if (line.isEmpty()) {
                            lines.remove(k);
                        }
                    }
                }
                bySession.remove(sessionId, this);
                blocked = bySession.size();
                pass = served || hinted;
            } finally {
                lock.unlock();
            }
            if (pass) {
                for (KeyRef k : keys) {
                    signal(k);
                }
            }
        }
    }
}
