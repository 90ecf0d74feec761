package io.goredis.command;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets a transaction or a script run with no other command of this node interleaving (Redis's
 * model, for the {@link io.goredis.store.Isolation#SERIAL} in-memory store), while ordinary
 * commands, which take the gate shared, pay only two uncontended atomic increments each.
 *
 * <p>Shared entries are counted in striped, padded cells (a thread always uses the same cell), so
 * sessions on different cores do not fight over one cache line. An exclusive holder announces itself
 * first, then waits for every cell to drain; a command arriving meanwhile backs out and waits. Because
 * both sides write their own variable and then read the other's (volatile and atomic accesses are
 * sequentially consistent in Java), at most one side proceeds.
 *
 * <p>A command waiting for a script (not for MULTI/EXEC) waits at most until the script has run for
 * the busy threshold; then it is refused with Redis's {@code -BUSY} error (see {@link #enterShared}).
 * Reentrant for the exclusive holder's own thread: the commands of its transaction pass straight in.
 */
public final class ExecutionGate {

    /** What holds the gate exclusively; decides the BUSY text. */
    public enum Holder { TRANSACTION, EVAL, FUNCTION }

    private static final int CELLS = 64;
    /** Ints per cell: one 64-byte cache line each. */
    private static final int PAD = 16;

    private final AtomicIntegerArray shared = new AtomicIntegerArray(CELLS * PAD);
    private final ReentrantLock exclusiveLock = new ReentrantLock();
    private final ReentrantLock waitLock = new ReentrantLock();
    private final Condition released = waitLock.newCondition();
    /** Per thread: 1 while it holds the gate shared (so a command that holds it can upgrade). */
    private final ThreadLocal<int[]> sharedDepth = ThreadLocal.withInitial(() -> new int[1]);
    private volatile Thread owner;
    private volatile Holder holder;
    private volatile long ownerSinceNanos;

    /** How the shared entry went. */
    public enum Entry { ENTERED, OWNER, BUSY }

    /**
     * Enters shared mode for one command. Returns {@link Entry#OWNER} when the calling thread holds
     * the gate exclusively (nothing to exit), {@link Entry#BUSY} when a script has held it for longer
     * than {@code busyNanos} (nothing to exit: reply BUSY), else {@link Entry#ENTERED}: call
     * {@link #exitShared()} when the command is done.
     */
    public Entry enterShared(long busyNanos) {
        Thread me = Thread.currentThread();
        if (owner == me) {
            return Entry.OWNER;
        }
        int cell = cell(me);
        while (true) {
            shared.incrementAndGet(cell);
            if (owner == null) {
                sharedDepth.get()[0]++;
                return Entry.ENTERED;
            }
            shared.decrementAndGet(cell);
            if (!awaitRelease(busyNanos)) {
                return Entry.BUSY;
            }
        }
    }

    /** Leaves the shared mode entered by {@link #enterShared} returning {@link Entry#ENTERED}. */
    public void exitShared() {
        sharedDepth.get()[0]--;
        shared.decrementAndGet(cell(Thread.currentThread()));
    }

    /**
     * Runs {@code wait} outside the gate: a blocked command (BLPOP) that holds it shared leaves it
     * while it waits, so transactions and scripts run meanwhile, and enters it again after (waiting
     * for a script to finish however long it runs). Without a shared hold, just runs {@code wait}.
     */
    public void awayWhile(Runnable wait) {
        if (sharedDepth.get()[0] == 0 || owner == Thread.currentThread()) {
            wait.run();
            return;
        }
        exitShared();
        try {
            wait.run();
        } finally {
            while (enterShared(Long.MAX_VALUE) == Entry.BUSY) {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Waits until no exclusive holder remains; false if a script holder has been running for longer
     * than {@code busyNanos} (now or while waiting).
     */
    private boolean awaitRelease(long busyNanos) {
        waitLock.lock();
        try {
            while (owner != null) {
                Holder h = holder;
                long ran = System.nanoTime() - ownerSinceNanos;
                boolean script = h == Holder.EVAL || h == Holder.FUNCTION;
                if (script && ran >= busyNanos) {
                    return false;
                }
                long wait = script ? busyNanos - ran : TimeUnit.MILLISECONDS.toNanos(100);
                released.awaitNanos(Math.max(wait, 1000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            waitLock.unlock();
        }
    }

    /** A script has held the gate past the busy threshold: the caller answers -BUSY. */
    public static final class Busy extends RuntimeException {
        private final Holder holder;

        Busy(Holder holder) {
            super("busy", null, false, false);
            this.holder = holder;
        }

        /** What holds the gate (EVAL or FUNCTION: the BUSY text names SCRIPT KILL or FUNCTION KILL). */
        public Holder holder() {
            return holder;
        }
    }

    private long busyNanos = Long.MAX_VALUE;

    /** The current {@code busy-reply-threshold}, for {@link #runAlone}'s wait. */
    public void busyThreshold(long nanos) {
        this.busyNanos = nanos;
    }

    /**
     * Takes the exclusive lock, waiting in line behind other transactions and scripts; throws
     * {@link Busy} once a script holding it has run past the busy threshold (Redis answers BUSY to
     * an EVAL or EXEC arriving then, as to any command).
     */
    private void lockExclusive() {
        while (true) {
            Holder h = holder;
            boolean script = h == Holder.EVAL || h == Holder.FUNCTION;
            long wait = script ? busyNanos - (System.nanoTime() - ownerSinceNanos) : TimeUnit.MILLISECONDS.toNanos(100);
            if (script && wait <= 0 && owner != null) {
                throw new Busy(h);
            }
            try {
                if (exclusiveLock.tryLock(Math.max(wait, 1000), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exclusiveLock.lock();
                return;
            }
        }
    }

    /** Runs {@code body} alone; the caller holds the gate neither shared nor exclusively. */
    private <R> R runExclusive(Holder kind, Supplier<R> body) {
        Thread me = Thread.currentThread();
        if (owner == me) {
            return body.get();
        }
        lockExclusive();
        try {
            ownerSinceNanos = System.nanoTime();
            holder = kind;
            owner = me;
            awaitDrained();
            try {
                return body.get();
            } finally {
                owner = null;
                holder = null;
                waitLock.lock();
                try {
                    released.signalAll();
                } finally {
                    waitLock.unlock();
                }
            }
        } finally {
            exclusiveLock.unlock();
        }
    }

    /**
     * Runs {@code body} with no other command of this node running, from a command that may hold the
     * gate shared (EXEC, EVAL run under the dispatcher's shared entry): the shared hold is given up
     * first and taken again before returning. Reentrant: an exclusive holder just runs {@code body}.
     */
    public <R> R runAlone(Holder kind, Supplier<R> body) {
        if (owner == Thread.currentThread()) {
            return body.get();
        }
        int[] depth = sharedDepth.get();
        int held = depth[0];
        int cell = cell(Thread.currentThread());
        for (int i = 0; i < held; i++) {
            shared.decrementAndGet(cell);
        }
        depth[0] = 0;
        try {
            return runExclusive(kind, body);
        } finally {
            while (true) {
                shared.addAndGet(cell, held);
                if (held == 0 || owner == null) {
                    break;
                }
                shared.addAndGet(cell, -held);
                awaitRelease(Long.MAX_VALUE);
            }
            depth[0] = held;
        }
    }

    /** True while the calling thread holds the gate exclusively. */
    public boolean heldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** What holds the gate exclusively now, or null. */
    public Holder holder() {
        return holder;
    }

    private void awaitDrained() {
        for (int spins = 0; ; spins++) {
            long total = 0;
            for (int i = 0; i < CELLS; i++) {
                total += shared.get(i * PAD);
            }
            if (total == 0) {
                return;
            }
            if (spins < 100) {
                Thread.onSpinWait();
            } else if (spins < 200) {
                Thread.yield();
            } else {
                try {
                    Thread.sleep(0, 50_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static int cell(Thread t) {
        long id = t.threadId();
        return (int) ((id ^ (id >>> 7)) & (CELLS - 1)) * PAD;
    }
}
