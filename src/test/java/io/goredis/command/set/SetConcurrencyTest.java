package io.goredis.command.set;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.Race;
import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each set write is one atomic store update: concurrent SPOPs hand every member to exactly one
 * client, SMOVEs lose and duplicate nothing, and multi-key reads see one instant. Participants
 * spread over {@link #newStores} (one memory store here; two nodes on one table on DynamoDB).
 */
class SetConcurrencyTest {

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
    void spop_sixteenClients_everyMemberToExactlyOne() throws Exception {
        int n = scaled(20_000);
        Set<String> all = new HashSet<>();
        List<String> sadd = new ArrayList<>(List.of("SADD", "k"));
        for (int i = 0; i < n; i++) {
            String m = i % 3 == 0 ? "m" + i : Integer.toString(i); // a hash table, integers and not
            all.add(m);
            sadd.add(m);
        }
        node(0).run(sadd.toArray(String[]::new));
        List<List<String>> got = Race.run(16, t -> {
            List<String> mine = new ArrayList<>();
            for (int round = 0; ; round++) {
                if ((round + t) % 3 == 0) {
                    Reply r = node(t).run("SPOP", "k");
                    if (r instanceof Reply.NullReply) {
                        return mine;
                    }
                    mine.add(SetCommandsTest.bulk(r));
                } else {
                    List<String> popped = SetCommandsTest.list(node(t).run("SPOP", "k", Integer.toString(1 + (round + t) % 4)));
                    if (popped.isEmpty()) {
                        return mine;
                    }
                    mine.addAll(popped);
                }
            }
        });
        List<String> handed = got.stream().flatMap(List::stream).toList();
        assertEquals(n, handed.size(), "no member handed out twice, none lost");
        assertEquals(all, new HashSet<>(handed));
        for (TestContext c : nodes) {
            assertEquals(Reply.ZERO, c.run("EXISTS", "k"));
        }
    }

    @Test
    void sadd_sixteenClientsDistinctMembers_allAdded() throws Exception {
        int per = scaled(300);
        Race.run(16, t -> {
            for (int i = 0; i < per; i++) {
                assertEquals(Reply.ONE, node(t).run("SADD", "k", t + ":" + i));
            }
            return null;
        });
        for (TestContext c : nodes) {
            assertEquals(new Reply.IntReply(16L * per), c.run("SCARD", "k"));
        }
    }

    @Test
    void smove_clientsShuffleMembers_setOpsSeeOneInstant() throws Exception {
        int n = 40;
        List<String> sadd = new ArrayList<>(List.of("SADD", "a"));
        for (int i = 0; i < n; i++) {
            sadd.add("m" + i);
        }
        node(0).run(sadd.toArray(String[]::new));
        Race.run(8, t -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < scaled(400); i++) {
                TestContext c = node(t);
                if (t % 2 == 0) {
                    String m = "m" + random.nextInt(n);
                    if (random.nextBoolean()) {
                        c.run("SMOVE", "a", "b", m);
                    } else {
                        c.run("SMOVE", "b", "a", m);
                    }
                } else {
                    // every member is in exactly one of a and b at every instant
                    assertEquals(n, SetCommandsTest.members(c.run("SUNION", "a", "b")).size());
                    assertEquals(Reply.ZERO, c.run("SINTERCARD", "2", "a", "b"));
                    assertEquals(new Reply.IntReply(n), c.run("SUNIONSTORE", "u" + t, "b", "a"));
                }
            }
            return null;
        });
        Set<String> a = SetCommandsTest.members(node(0).run("SMEMBERS", "a"));
        Set<String> b = SetCommandsTest.members(node(1).run("SMEMBERS", "b"));
        assertEquals(n, a.size() + b.size());
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        assertEquals(n, union.size());
    }
}
