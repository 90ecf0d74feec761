package io.goredis.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExecutionGateTest {

    private final ExecutionGate gate = new ExecutionGate();
    private static final long FOREVER = Long.MAX_VALUE;

    @Test
    void shared_entriesDoNotExcludeEachOther() throws Exception {
        assertEquals(ExecutionGate.Entry.ENTERED, gate.enterShared(FOREVER));
        AtomicReference<ExecutionGate.Entry> other = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            other.set(gate.enterShared(FOREVER));
            gate.exitShared();
        });
        t.join(5000);
        assertEquals(ExecutionGate.Entry.ENTERED, other.get());
        gate.exitShared();
    }

    @Test
    void exclusive_waitsForSharedHolders_andKeepsNewOnesOut() throws Exception {
        assertEquals(ExecutionGate.Entry.ENTERED, gate.enterShared(FOREVER));
        AtomicBoolean ran = new AtomicBoolean();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread exclusive = Thread.ofPlatform().start(() -> gate.runAlone(ExecutionGate.Holder.TRANSACTION, () -> {
            ran.set(true);
            inside.countDown();
            await(release);
            return null;
        }));
        Thread.sleep(50);
        assertFalse(ran.get(), "the exclusive body waits for the shared holder");
        gate.exitShared();
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        AtomicInteger enteredWhileExclusive = new AtomicInteger();
        Thread reader = Thread.ofPlatform().start(() -> {
            gate.enterShared(FOREVER);
            enteredWhileExclusive.set(ran.get() && release.getCount() == 0 ? 1 : 2);
            gate.exitShared();
        });
        Thread.sleep(50);
        assertEquals(0, enteredWhileExclusive.get(), "a new command waits for the exclusive holder");
        release.countDown();
        exclusive.join(5000);
        reader.join(5000);
        assertEquals(1, enteredWhileExclusive.get());
    }

    @Test
    void owner_passesStraightIn_andRunAloneIsReentrant() {
        String r = gate.runAlone(ExecutionGate.Holder.TRANSACTION, () -> {
            assertTrue(gate.heldByCurrentThread());
            assertEquals(ExecutionGate.Entry.OWNER, gate.enterShared(FOREVER));
            return gate.runAlone(ExecutionGate.Holder.EVAL, () -> "nested");
        });
        assertEquals("nested", r);
        assertFalse(gate.heldByCurrentThread());
    }

    @Test
    void runAlone_fromASharedHold_givesItUpAndTakesItBack() throws Exception {
        assertEquals(ExecutionGate.Entry.ENTERED, gate.enterShared(FOREVER));
        assertEquals("alone", gate.runAlone(ExecutionGate.Holder.EVAL, () -> "alone"));
        // still shared: an exclusive holder on another thread must wait for our exit
        AtomicBoolean ran = new AtomicBoolean();
        Thread t = Thread.ofPlatform().start(() -> gate.runAlone(ExecutionGate.Holder.TRANSACTION, () -> {
            ran.set(true);
            return null;
        }));
        Thread.sleep(50);
        assertFalse(ran.get());
        gate.exitShared();
        t.join(5000);
        assertTrue(ran.get());
    }

    @Test
    void aScriptPastTheBusyThreshold_makesWaitersBusy_aTransactionDoesNot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1);
        Thread script = Thread.ofPlatform().start(() -> gate.runAlone(ExecutionGate.Holder.EVAL, () -> {
            inside.countDown();
            await(release);
            return null;
        }));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        assertEquals(ExecutionGate.Entry.BUSY, gate.enterShared(TimeUnit.MILLISECONDS.toNanos(100)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90), "waited for the threshold");
        assertEquals(ExecutionGate.Holder.EVAL, gate.holder());
        release.countDown();
        script.join(5000);

        CountDownLatch release2 = new CountDownLatch(1);
        CountDownLatch inside2 = new CountDownLatch(1);
        Thread txn = Thread.ofPlatform().start(() -> gate.runAlone(ExecutionGate.Holder.TRANSACTION, () -> {
            inside2.countDown();
            await(release2);
            return null;
        }));
        assertTrue(inside2.await(5, TimeUnit.SECONDS));
        Thread.ofPlatform().start(() -> {
            sleep(150);
            release2.countDown();
        });
        assertEquals(ExecutionGate.Entry.ENTERED, gate.enterShared(TimeUnit.MILLISECONDS.toNanos(10)));
        gate.exitShared();
        txn.join(5000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
