package io.goredis.command.bitmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.Race;
import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each bitmap write is one atomic store update: concurrent writers lose nothing. */
class BitmapConcurrencyTest {

    private Store store;
    private TestContext ctx;

    @BeforeEach
    void setUp() {
        MutableClock clock = new MutableClock(startMillis());
        store = newStore(clock);
        ctx = new TestContext(store, clock);
    }

    long startMillis() {
        return 1_700_000_000_000L;
    }

    /** The store under test: in-memory, no background expiry. */
    Store newStore(MutableClock clock) {
        return new InMemoryStore(clock, 16, Duration.ZERO);
    }

    /** Operations per thread (fewer where each is a network round trip). */
    int perThread(int inMemory) {
        return inMemory;
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void setbit_sixteenThreadsDistinctBits_allSet() throws Exception {
        Race.run(16, t -> {
            for (int i = 0; i < perThread(256); i++) {
                ctx.run("SETBIT", "k", Integer.toString(i * 16 + t), "1");
            }
            return null;
        });
        assertEquals(new Reply.IntReply(16L * perThread(256)), ctx.run("BITCOUNT", "k"));
        assertEquals(new Reply.IntReply(-1), ctx.run("BITPOS", "k", "0", "0", "-1"));
    }

    @Test
    void bitfieldIncrby_sixteenThreads_countsEveryIncrement() throws Exception {
        Race.run(16, t -> {
            for (int i = 0; i < perThread(500); i++) {
                ctx.run("BITFIELD", "k", "INCRBY", "u32", "3", "1", "INCRBY", "i16", "#3", "-1");
            }
            return null;
        });
        long n = 16L * perThread(500);
        assertEquals(Reply.array(new Reply.IntReply(n), new Reply.IntReply(-n)),
                ctx.run("BITFIELD_RO", "k", "GET", "u32", "3", "GET", "i16", "#3"));
    }

    @Test
    void bitop_readsItsSourcesAtOneInstant() throws Exception {
        // writers keep a and b equal (one MSET each time), so a consistent XOR of them is all zeros
        ctx.run("MSET", "a", "x", "b", "x");
        Race.run(8, t -> {
            for (int i = 0; i < perThread(300); i++) {
                if (t % 2 == 0) {
                    String v = "v".repeat(1 + (i * 7 + t) % 40);
                    ctx.run("MSET", "a", v, "b", v);
                } else {
                    String dest = "dest" + t;
                    ctx.run("BITOP", "XOR", dest, "a", "b");
                    assertEquals(Reply.ZERO, ctx.run("BITCOUNT", dest));
                }
            }
            return null;
        });
    }
}
