package io.goredis.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.Race;
import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each hash write is one atomic read-modify-write of the whole hash: concurrent writers lose
 * nothing. Participants alternate between two nodes; on the memory store both are the same store,
 * on DynamoDB ({@link HashConcurrencyOnDynamoIT}) two stores with their own clients on one table.
 */
class HashConcurrencyTest {

    private Store nodeA;
    private Store nodeB;
    private TestContext ctxA;
    private TestContext ctxB;

    @BeforeEach
    void setUp() {
        MutableClock clock = new MutableClock(startMillis());
        nodeA = newStore(clock);
        nodeB = secondNode(clock, nodeA);
        ctxA = new TestContext(nodeA, clock);
        ctxB = new TestContext(nodeB, clock);
    }

    long startMillis() {
        return 1_700_000_000_000L;
    }

    /** The store under test: in-memory, no background expiry. */
    Store newStore(MutableClock clock) {
        return new InMemoryStore(clock, 16, Duration.ZERO);
    }

    /** The second node's store: on the memory store, the same one. */
    Store secondNode(MutableClock clock, Store first) {
        return first;
    }

    /** Operations per thread (fewer where each is a network round trip). */
    int perThread(int inMemory) {
        return inMemory;
    }

    @AfterEach
    void tearDown() {
        nodeA.close();
        if (nodeB != nodeA) {
            nodeB.close();
        }
    }

    private TestContext node(int participant) {
        return participant % 2 == 0 ? ctxA : ctxB;
    }

    @Test
    void hincrby_sixteenThreadsOneField_exact() throws Exception {
        ctxA.run("HSET", "h", "other", "x");
        Race.run(16, t -> {
            for (int i = 0; i < perThread(500); i++) {
                node(t).run("HINCRBY", "h", "n", t % 4 == 3 ? "-1" : "2");
            }
            return null;
        });
        long n = perThread(500);
        long expected = 12 * 2 * n - 4 * n;
        assertEquals("$" + expected, HashTestBase.show(ctxA.run("HGET", "h", "n")));
        assertEquals("$" + expected, HashTestBase.show(ctxB.run("HGET", "h", "n")));
        assertEquals("$x", HashTestBase.show(ctxB.run("HGET", "h", "other")));
    }

    @Test
    void hincrbyfloat_eightThreads_exact() throws Exception {
        Race.run(8, t -> {
            for (int i = 0; i < perThread(300); i++) {
                node(t).run("HINCRBYFLOAT", "h", "f", "0.5");
            }
            return null;
        });
        long halves = 8L * perThread(300);
        String expected = halves % 2 == 0 ? Long.toString(halves / 2) : (halves / 2) + ".5";
        assertEquals("$" + expected, HashTestBase.show(ctxA.run("HGET", "h", "f")));
    }

    @Test
    void hset_distinctFieldsFromEveryThread_allKept() throws Exception {
        Race.run(16, t -> {
            for (int i = 0; i < perThread(100); i++) {
                node(t).run("HSET", "h", "t" + t + "-" + i, "v", "shared", "t" + t);
            }
            return null;
        });
        assertEquals(Reply.integer(16L * perThread(100) + 1), ctxA.run("HLEN", "h"));
    }

    @Test
    void hsetnx_oneWinnerPerField() throws Exception {
        List<Object> won = Race.run(16, t -> {
            long wins = 0;
            for (int i = 0; i < perThread(50); i++) {
                if (node(t).run("HSETNX", "h", "f" + i, "t" + t).equals(Reply.ONE)) {
                    wins++;
                }
            }
            return wins;
        });
        long total = won.stream().mapToLong(w -> (Long) w).sum();
        assertEquals(perThread(50), total);
        assertEquals(Reply.integer(perThread(50)), ctxB.run("HLEN", "h"));
    }

    @Test
    void hdel_racingDeleters_eachFieldCountedOnce_keyGone() throws Exception {
        int fields = perThread(200);
        List<String> fill = new ArrayList<>(List.of("HSET", "h"));
        for (int i = 0; i < fields; i++) {
            fill.addAll(List.of("f" + i, "v"));
        }
        ctxA.run(fill.toArray(String[]::new));
        List<Object> deleted = Race.run(8, t -> {
            long n = 0;
            for (int i = t; i < fields + t; i++) { // every thread tries every field, from its own start
                n += ((Reply.IntReply) node(t).run("HDEL", "h", "f" + (i % fields))).value();
            }
            return n;
        });
        assertEquals(fields, deleted.stream().mapToLong(d -> (Long) d).sum());
        assertEquals(Reply.ZERO, ctxB.run("EXISTS", "h"));
    }
}
