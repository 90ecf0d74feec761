package io.goredis.command.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Race;
import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each list write is one atomic store update: while many clients LPUSH onto one list and many RPOP
 * from it, every pushed element is popped exactly once and in the order it was pushed (the list is
 * a FIFO queue); LMOVEs between two lists lose and duplicate nothing. Participants spread over
 * {@link #newStores} (one memory store here; two nodes on one table on DynamoDB).
 */
class ListConcurrencyTest {

    private List<Store> stores;
    private List<TestContext> nodes;

    @BeforeEach
    void setUp() {
        MutableClock clock = new MutableClock(startMillis());
        stores = newStores(clock);
        nodes = new ArrayList<>();
        for (Store s : stores) {
            nodes.add(new TestContext(s, clock));
        }
    }

    long startMillis() {
        return 1_700_000_000_000L;
    }

    /** The stores under test, all on the same data: in-memory, no background expiry. */
    List<Store> newStores(MutableClock clock) {
        return List.of(new InMemoryStore(clock, 16, Duration.ZERO));
    }

    /** Work per test (less where each command is a network round trip). */
    int scaled(int inMemory) {
        return inMemory;
    }

    @AfterEach
    void tearDown() {
        stores.forEach(Store::close);
    }

    /** The context participant {@code i} runs its commands in. */
    private TestContext node(int i) {
        return nodes.get(i % nodes.size());
    }

    @Test
    void lpushRpop_manyClients_everyElementPoppedExactlyOnce_inPushOrder() throws Exception {
        int pushers = 8;
        int poppers = 8;
        int perPusher = scaled(3000);
        AtomicInteger pushing = new AtomicInteger(pushers);
        List<List<String>> got = Race.run(pushers + poppers, t -> {
            List<String> mine = new ArrayList<>();
            TestContext c = node(t);
            if (t < pushers) {
                for (int i = 0; i < perPusher; ) {
                    if (i % 5 == 0 && i + 2 < perPusher) { // sometimes several at once, still in order
                        c.run("LPUSH", "q", t + ":" + i, t + ":" + (i + 1), t + ":" + (i + 2));
                        i += 3;
                    } else {
                        c.run("LPUSH", "q", t + ":" + i++);
                    }
                }
                pushing.decrementAndGet();
                return mine;
            }
            for (int round = 0; ; round++) {
                boolean done = pushing.get() == 0; // read before the pop: an empty pop after it is final
                List<String> popped = round % 2 == 0
                        ? single(c.run("RPOP", "q"))
                        : strings(c.run("RPOP", "q", Integer.toString(1 + round % 4)));
                mine.addAll(popped);
                if (popped.isEmpty() && done) {
                    return mine;
                }
            }
        });
        Set<String> seen = new HashSet<>();
        for (List<String> popper : got.subList(pushers, got.size())) {
            Map<String, Integer> lastOfPusher = new HashMap<>();
            for (String e : popper) {
                assertTrue(seen.add(e), "popped twice: " + e);
                String[] parts = e.split(":");
                int i = Integer.parseInt(parts[1]);
                Integer before = lastOfPusher.put(parts[0], i);
                assertTrue(before == null || before < i, "out of push order: " + before + " then " + e);
            }
        }
        assertEquals(pushers * perPusher, seen.size(), "every pushed element popped");
        for (TestContext c : nodes) {
            assertEquals(Reply.ZERO, c.run("EXISTS", "q"));
        }
    }

    @Test
    void lmove_clientsShuttleBetweenTwoLists_nothingLostOrDuplicated() throws Exception {
        int n = 30;
        List<String> push = new ArrayList<>(List.of("RPUSH", "a"));
        for (int i = 0; i < n; i++) {
            push.add("e" + i);
        }
        node(0).run(push.toArray(String[]::new));
        List<String> ends = List.of("LEFT", "RIGHT");
        Race.run(8, t -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            TestContext c = node(t);
            for (int i = 0; i < scaled(400); i++) {
                String from = random.nextBoolean() ? "a" : "b";
                String to = random.nextInt(4) == 0 ? from : from.equals("a") ? "b" : "a";
                c.run("LMOVE", from, to, ends.get(random.nextInt(2)), ends.get(random.nextInt(2)));
            }
            return null;
        });
        List<String> all = new ArrayList<>(strings(node(0).run("LRANGE", "a", "0", "-1")));
        all.addAll(strings(node(1).run("LRANGE", "b", "0", "-1")));
        assertEquals(n, all.size());
        assertEquals(n, new HashSet<>(all).size());
    }

    private static List<String> single(Reply r) {
        return r instanceof Reply.BulkReply b ? List.of(str(b)) : List.of();
    }

    private static List<String> strings(Reply r) {
        if (!(r instanceof Reply.ArrayReply a)) {
            return List.of(); // a null array: the key is absent
        }
        List<String> out = new ArrayList<>();
        for (Reply item : a.items()) {
            out.add(str((Reply.BulkReply) item));
        }
        return out;
    }

    private static String str(Reply.BulkReply b) {
        return new String(b.value(), StandardCharsets.UTF_8);
    }
}
