package io.goredis.command.set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.command.CommandSpec;
import io.goredis.command.CommandTable;
import io.goredis.command.Flag;
import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import io.goredis.store.value.SetValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The set commands on the in-memory store: what the differential script ({@code sets.redis})
 * cannot see (versions, stored expiries and encodings, keyspace statistics, reply types, which
 * value object a key holds), the random commands' guarantees, and SINTER / SUNION / SDIFF and their
 * STORE forms against a model over random sets. Literal replies are redis-server 7.0.15's.
 */
class SetCommandsTest {

    private long now;
    private Store store;
    private TestContext ctx;

    @BeforeEach
    void setUp() {
        now = startMillis();
        MutableClock clock = new MutableClock(now);
        store = newStore(clock);
        ctx = new TestContext(store, clock);
    }

    /** 2023-11-14T22:13:20Z: any fixed instant works for the in-memory store. */
    long startMillis() {
        return 1_700_000_000_000L;
    }

    /** The store under test: in-memory, no background expiry. */
    Store newStore(MutableClock clock) {
        return new InMemoryStore(clock, 16, Duration.ZERO);
    }

    /** Rounds of the randomized tests (fewer where each command is a network round trip). */
    int rounds(int inMemory) {
        return inMemory;
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    // --- command table ------------------------------------------------------------------------------

    @Test
    void table_rowsAsRedis70() {
        try (CommandTable table = CommandTable.standard()) {
            assertRow(table, "sadd", -3, Set.of(Flag.WRITE, Flag.DENYOOM, Flag.FAST), 1, 1, 1);
            assertRow(table, "srem", -3, Set.of(Flag.WRITE, Flag.FAST), 1, 1, 1);
            assertRow(table, "smembers", 2, Set.of(Flag.READONLY), 1, 1, 1);
            assertRow(table, "sismember", 3, Set.of(Flag.READONLY, Flag.FAST), 1, 1, 1);
            assertRow(table, "smismember", -3, Set.of(Flag.READONLY, Flag.FAST), 1, 1, 1);
            assertRow(table, "scard", 2, Set.of(Flag.READONLY, Flag.FAST), 1, 1, 1);
            assertRow(table, "spop", -2, Set.of(Flag.WRITE, Flag.FAST), 1, 1, 1);
            assertRow(table, "srandmember", -2, Set.of(Flag.READONLY), 1, 1, 1);
            assertRow(table, "smove", 4, Set.of(Flag.WRITE, Flag.FAST), 1, 2, 1);
            assertRow(table, "sinter", -2, Set.of(Flag.READONLY), 1, -1, 1);
            assertRow(table, "sintercard", -3, Set.of(Flag.READONLY, Flag.MOVABLEKEYS), 0, 0, 0);
            assertRow(table, "sinterstore", -3, Set.of(Flag.WRITE, Flag.DENYOOM), 1, -1, 1);
            assertRow(table, "sunion", -2, Set.of(Flag.READONLY), 1, -1, 1);
            assertRow(table, "sunionstore", -3, Set.of(Flag.WRITE, Flag.DENYOOM), 1, -1, 1);
            assertRow(table, "sdiff", -2, Set.of(Flag.READONLY), 1, -1, 1);
            assertRow(table, "sdiffstore", -3, Set.of(Flag.WRITE, Flag.DENYOOM), 1, -1, 1);
            assertRow(table, "sscan", -3, Set.of(Flag.READONLY), 1, 1, 1);
        }
    }

    private static void assertRow(CommandTable table, String name, int arity, Set<Flag> flags,
                                  int first, int last, int step) {
        CommandSpec spec = table.get(name);
        assertEquals(arity, spec.arity(), name);
        assertEquals(flags, spec.flags(), name);
        assertEquals(first, spec.firstKey(), name);
        assertEquals(last, spec.lastKey(), name);
        assertEquals(step, spec.step(), name);
        assertEquals("set", spec.group(), name);
    }

    // --- SADD / SREM --------------------------------------------------------------------------------

    @Test
    void sadd_countsNewMembers_andEncodesAsRedis() {
        assertEquals(":3", run("SADD", "k", "3", "1", "2"));
        assertEquals("intset", encoding("k"));
        assertEquals(":1", run("SADD", "k", "2", "4", "4"));
        assertEquals("*4 $1 $2 $3 $4", run("SMEMBERS", "k"));
        assertEquals(":1", run("SADD", "k", "x"));
        assertEquals("hashtable", encoding("k"));
    }

    @Test
    void sadd_nothingNew_leavesTheKeyUntouched() {
        run("SADD", "k", "a", "b");
        long version = entry("k").version();
        assertEquals(":0", run("SADD", "k", "a", "b", "a"));
        assertEquals(version, entry("k").version());
        assertEquals(":1", run("SADD", "k", "c"));
        assertTrue(entry("k").version() > version);
    }

    @Test
    void saddSrem_keepTheExpiry() {
        run("SADD", "k", "a", "b", "c");
        run("PEXPIRE", "k", "5000");
        run("SADD", "k", "d");
        assertEquals(now + 5000, entry("k").expireAtMillis());
        run("SREM", "k", "a");
        assertEquals(now + 5000, entry("k").expireAtMillis());
    }

    @Test
    void srem_lastMember_deletesTheKey() {
        run("SADD", "k", "a", "b");
        assertEquals(":2", run("SREM", "k", "a", "b", "c"));
        assertTrue(store.get(0, b("k")).isEmpty());
        assertEquals(":0", run("SREM", "k", "a"));
    }

    @Test
    void srem_nothingRemoved_leavesTheKeyUntouched() {
        run("SADD", "k", "a");
        long version = entry("k").version();
        assertEquals(":0", run("SREM", "k", "x", "y"));
        assertEquals(version, entry("k").version());
    }

    @Test
    void wrongType_changesNothing() {
        run("SET", "str", "v");
        for (String[] cmd : List.of(
                new String[] {"SADD", "str", "a"}, new String[] {"SREM", "str", "a"},
                new String[] {"SMEMBERS", "str"}, new String[] {"SISMEMBER", "str", "a"},
                new String[] {"SMISMEMBER", "str", "a"}, new String[] {"SCARD", "str"},
                new String[] {"SPOP", "str"}, new String[] {"SPOP", "str", "2"},
                new String[] {"SRANDMEMBER", "str"}, new String[] {"SRANDMEMBER", "str", "-2"},
                new String[] {"SSCAN", "str", "0"}, new String[] {"SINTERCARD", "1", "str"})) {
            assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value", run(cmd), cmd[0]);
        }
        assertEquals("$v", run("GET", "str"));
    }

    // --- read commands ------------------------------------------------------------------------------

    @Test
    void smembers_isAResp3Set_emptyForAbsent() {
        assertEquals(new Reply.SetReply(List.of()), ctx.run("SMEMBERS", "nosuch"));
        run("SADD", "k", "b", "a");
        Reply r = ctx.run("SMEMBERS", "k");
        assertInstanceOf(Reply.SetReply.class, r);
        assertEquals(Set.of("a", "b"), members(r));
    }

    @Test
    void sismemberSmismemberScard() {
        run("SADD", "k", "a", "", "1");
        assertEquals(":1", run("SISMEMBER", "k", ""));
        assertEquals(":0", run("SISMEMBER", "k", "z"));
        assertEquals(":0", run("SISMEMBER", "nosuch", "a"));
        assertEquals("*3 :1 :0 :1", run("SMISMEMBER", "k", "a", "b", "1"));
        assertEquals("*2 :0 :0", run("SMISMEMBER", "nosuch", "a", "b"));
        assertEquals(":3", run("SCARD", "k"));
        assertEquals(":0", run("SCARD", "nosuch"));
    }

    @Test
    void reads_countHitsAndMisses_writesDoNot() {
        run("SADD", "k", "a");
        run("SISMEMBER", "k", "a");
        run("SCARD", "nosuch");
        run("SMEMBERS", "k");
        run("SRANDMEMBER", "nosuch", "3");
        run("SSCAN", "k", "0");
        assertEquals(3, ctx.counters().keyspaceHits.sum());
        assertEquals(2, ctx.counters().keyspaceMisses.sum());
        run("SADD", "k", "b");
        run("SREM", "k", "b");
        run("SPOP", "nosuch");
        run("SMOVE", "k", "k2", "a");
        assertEquals(3, ctx.counters().keyspaceHits.sum());
        assertEquals(2, ctx.counters().keyspaceMisses.sum());
    }

    // --- SPOP ---------------------------------------------------------------------------------------

    @Test
    void spop_one_removesWhatItAnswers_deletesWhenEmpty() {
        run("SADD", "k", "a", "b");
        run("PEXPIRE", "k", "5000");
        String first = bulk(ctx.run("SPOP", "k"));
        assertTrue(Set.of("a", "b").contains(first));
        assertEquals(":0", run("SISMEMBER", "k", first));
        assertEquals(now + 5000, entry("k").expireAtMillis());
        String second = bulk(ctx.run("SPOP", "k"));
        assertEquals(Set.of("a", "b"), Set.of(first, second));
        assertTrue(store.get(0, b("k")).isEmpty());
        assertEquals("$-1", run("SPOP", "k"));
    }

    @Test
    void spop_count_everyStrategy_handsOutDistinctMembersAndKeepsTheRest() {
        // (size, count): pop one by one (remaining*5 > count), keep-the-few (else), the whole set
        int[][] cases = {{20, 3}, {20, 16}, {20, 19}, {20, 20}, {20, 25}, {600, 100}, {600, 590}, {600, 600}};
        for (boolean strings : new boolean[] {false, true}) {
            for (int[] c : cases) {
                run("DEL", "k");
                Set<String> all = new HashSet<>();
                for (int i = 0; i < c[0]; i++) {
                    all.add(strings ? "m" + i : Integer.toString(i));
                }
                sadd("k", all);
                run("PEXPIRE", "k", "5000");
                Reply r = ctx.run("SPOP", "k", Integer.toString(c[1]));
                assertInstanceOf(Reply.SetReply.class, r);
                List<String> popped = list(r);
                int expected = Math.min(c[0], c[1]);
                assertEquals(expected, popped.size(), c[0] + "/" + c[1]);
                assertEquals(expected, new HashSet<>(popped).size(), "distinct");
                Set<String> rest = members(ctx.run("SMEMBERS", "k"));
                assertEquals(c[0] - expected, rest.size());
                for (String p : popped) {
                    assertFalse(rest.contains(p), p);
                }
                Set<String> union = new HashSet<>(rest);
                union.addAll(popped);
                assertEquals(all, union, "nothing lost");
                if (rest.isEmpty()) {
                    assertTrue(store.get(0, b("k")).isEmpty());
                } else {
                    assertEquals(now + 5000, entry("k").expireAtMillis());
                }
            }
        }
    }

    @Test
    void spop_wholeSet_answersIntegersAscending() {
        run("SADD", "k", "5", "-1", "3");
        assertEquals("*3 $-1 $3 $5", run("SPOP", "k", "10"));
    }

    @Test
    void spop_keepTheFew_shrunkHashtableOfIntegers_becomesIntsetAgain() {
        sadd("k", range(0, 513));
        assertEquals("hashtable", encoding("k"));
        run("SPOP", "k", "500"); // 13 remain: Redis rebuilds them into a new set
        assertEquals("intset", encoding("k"));
        assertEquals(":13", run("SCARD", "k"));
    }

    @Test
    void spop_countZeroOrAbsent_writesNothing() {
        run("SADD", "k", "a");
        long version = entry("k").version();
        assertEquals(new Reply.SetReply(List.of()), ctx.run("SPOP", "k", "0"));
        assertEquals(new Reply.SetReply(List.of()), ctx.run("SPOP", "nosuch", "3"));
        assertEquals(version, entry("k").version());
    }

    @Test
    void spop_badCount_errorsBeforeLookingAtTheKey() {
        run("SET", "str", "v");
        for (String bad : List.of("-1", "x", "1.5", "-0", "9223372036854775808", "")) {
            assertEquals("-ERR value is out of range, must be positive", run("SPOP", "str", bad), bad);
        }
        assertEquals("-ERR syntax error", run("SPOP", "str", "1", "2"));
    }

    // --- SRANDMEMBER --------------------------------------------------------------------------------

    @Test
    void srandmember_positiveCount_distinctMembers_everyStrategy() {
        List<String> thirty = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            thirty.add("m" + i);
        }
        sadd("k", thirty);
        long version = entry("k").version();
        for (int count : new int[] {1, 2, 5, 9, 10, 11, 20, 29, 30, 31, 1000}) {
            Reply r = ctx.run("SRANDMEMBER", "k", Integer.toString(count));
            assertInstanceOf(Reply.ArrayReply.class, r, "an array, in RESP3 too");
            List<String> got = list(r);
            assertEquals(Math.min(count, 30), got.size(), "count " + count);
            assertEquals(got.size(), new HashSet<>(got).size(), "distinct for count " + count);
            for (String m : got) {
                assertTrue(m.startsWith("m"), m);
            }
        }
        assertEquals(version, entry("k").version(), "a read");
    }

    @Test
    void srandmember_negativeCount_drawsWithRepetition() {
        run("SADD", "k", "a", "b");
        List<String> got = list(ctx.run("SRANDMEMBER", "k", "-1000"));
        assertEquals(1000, got.size());
        assertEquals(Set.of("a", "b"), new HashSet<>(got));
        run("SADD", "one", "only");
        assertEquals("*3 $only $only $only", run("SRANDMEMBER", "one", "-3"));
    }

    @Test
    void srandmember_wholeSet_inTheSetsOrder() {
        run("SADD", "k", "3", "1", "2");
        assertEquals("*3 $1 $2 $3", run("SRANDMEMBER", "k", "3"));
        assertEquals("*3 $1 $2 $3", run("SRANDMEMBER", "k", "9223372036854775807"));
    }

    @Test
    void srandmember_counts_andTheirErrors() {
        assertEquals("$-1", run("SRANDMEMBER", "nosuch"));
        assertEquals("*0", run("SRANDMEMBER", "nosuch", "-5"));
        run("SADD", "k", "a");
        assertEquals("*0", run("SRANDMEMBER", "k", "0"));
        assertEquals("-ERR value is not an integer or out of range", run("SRANDMEMBER", "nosuch", "x"));
        assertEquals("-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807",
                run("SRANDMEMBER", "k", "-9223372036854775808"));
        assertEquals("-ERR syntax error", run("SRANDMEMBER", "k", "1", "2"));
        // Redis would build this reply until it ran out of memory: goredis refuses it
        assertEquals("-" + SRandMember.TOO_MANY_DRAWS, run("SRANDMEMBER", "k", "-" + (SRandMember.MAX_DRAWS + 1)));
        assertEquals("*0", run("SRANDMEMBER", "nosuch", "-" + (SRandMember.MAX_DRAWS + 1)));
    }

    @Test
    void srandmember_roughlyUniform() {
        run("SADD", "k", "a", "b", "c", "d", "x1", "x2", "x3", "x4", "x5", "x6");
        Map<String, Integer> counts = new HashMap<>();
        for (String m : list(ctx.run("SRANDMEMBER", "k", "-50000"))) {
            counts.merge(m, 1, Integer::sum);
        }
        assertEquals(10, counts.size());
        for (int c : counts.values()) {
            assertTrue(Math.abs(c - 5000) < 1000, counts.toString());
        }
    }

    // --- SMOVE --------------------------------------------------------------------------------------

    @Test
    void smove_movesAndKeepsBothExpiries() {
        run("SADD", "src", "a", "b");
        run("SADD", "dst", "x");
        run("PEXPIRE", "src", "5000");
        run("PEXPIRE", "dst", "7000");
        assertEquals(":1", run("SMOVE", "src", "dst", "a"));
        assertEquals(Set.of("b"), members(ctx.run("SMEMBERS", "src")));
        assertEquals(Set.of("a", "x"), members(ctx.run("SMEMBERS", "dst")));
        assertEquals(now + 5000, entry("src").expireAtMillis());
        assertEquals(now + 7000, entry("dst").expireAtMillis());
        assertEquals(":1", run("SMOVE", "src", "dst", "b"));
        assertTrue(store.get(0, b("src")).isEmpty());
    }

    @Test
    void smove_createsTheDestinationAsIntsetForAnInteger() {
        run("SADD", "src", "7", "x");
        assertEquals(":1", run("SMOVE", "src", "dst", "7"));
        assertEquals("intset", encoding("dst"));
        assertEquals(Entry.NO_EXPIRY, entry("dst").expireAtMillis());
    }

    @Test
    void smove_wrongTypeDestination_leavesTheSourceAsItWas() {
        run("SADD", "src", "a");
        run("SET", "str", "v");
        long version = entry("src").version();
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value", run("SMOVE", "src", "str", "a"));
        assertEquals(":1", run("SISMEMBER", "src", "a"));
        assertEquals(version, entry("src").version());
        assertEquals(":0", run("SMOVE", "nosuch", "str", "a"), "an absent source answers 0 first");
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value", run("SMOVE", "str", "src", "a"));
    }

    @Test
    void smove_sameKey_onlyTellsMembership() {
        run("SADD", "k", "a");
        long version = entry("k").version();
        assertEquals(":1", run("SMOVE", "k", "k", "a"));
        assertEquals(":0", run("SMOVE", "k", "k", "b"));
        assertEquals(version, entry("k").version());
    }

    @Test
    void smove_memberAlreadyInDestination_stillWritesIt() {
        run("SADD", "src", "a", "b");
        run("SADD", "dst", "a");
        long version = entry("dst").version();
        assertEquals(":1", run("SMOVE", "src", "dst", "a"));
        assertEquals(":0", run("SISMEMBER", "src", "a"));
        assertTrue(entry("dst").version() > version, "Redis signals the destination modified (WATCH fires)");
    }

    @Test
    void smove_absentMember_writesNothing() {
        run("SADD", "src", "a");
        run("SADD", "dst", "b");
        long v1 = entry("src").version();
        long v2 = entry("dst").version();
        assertEquals(":0", run("SMOVE", "src", "dst", "zz"));
        assertEquals(v1, entry("src").version());
        assertEquals(v2, entry("dst").version());
    }

    // --- SINTER / SUNION / SDIFF and the STORE forms ------------------------------------------------

    @Test
    void algebra_matchesModel_randomSets() {
        Random random = new Random(42);
        for (int round = 0; round < rounds(150); round++) {
            run("FLUSHDB");
            Map<String, Set<String>> model = new HashMap<>();
            String[] names = {"a", "b", "c", "d"};
            for (String name : names) {
                if (random.nextInt(5) == 0) {
                    continue; // absent
                }
                Set<String> s = new HashSet<>();
                int n = 1 + random.nextInt(random.nextBoolean() ? 12 : 700);
                boolean ints = random.nextBoolean();
                List<String> args = new ArrayList<>(List.of("SADD", name));
                for (int i = 0; i < n; i++) {
                    String m = ints ? Integer.toString(random.nextInt(900)) : "m" + random.nextInt(900);
                    s.add(m);
                    args.add(m);
                }
                run(args.toArray(String[]::new));
                model.put(name, s);
            }
            List<String> keys = new ArrayList<>();
            int k = 1 + random.nextInt(4);
            for (int i = 0; i < k; i++) {
                keys.add(names[random.nextInt(names.length)] + (random.nextInt(10) == 0 ? "-absent" : ""));
            }
            Set<String> inter = null;
            Set<String> union = new HashSet<>();
            Set<String> diff = new HashSet<>(model.getOrDefault(keys.get(0), Set.of()));
            for (int i = 0; i < keys.size(); i++) {
                Set<String> s = model.getOrDefault(keys.get(i), Set.of());
                inter = inter == null ? new HashSet<>(s) : inter;
                inter.retainAll(s);
                union.addAll(s);
                if (i > 0) {
                    diff.removeAll(s);
                }
            }
            String where = "round " + round + " keys " + keys;
            assertEquals(inter, members(ctx.run(cmd("SINTER", null, keys))), where);
            assertEquals(union, members(ctx.run(cmd("SUNION", null, keys))), where);
            assertEquals(diff, members(ctx.run(cmd("SDIFF", null, keys))), where);
            assertEquals(":" + inter.size(), run(cmd("SINTERCARD", Integer.toString(keys.size()), keys)), where);
            long limit = random.nextInt(5);
            List<String> limited = new ArrayList<>(List.of(cmd("SINTERCARD", Integer.toString(keys.size()), keys)));
            limited.addAll(List.of("LIMIT", Long.toString(limit)));
            assertEquals(":" + (limit == 0 ? inter.size() : Math.min(limit, inter.size())),
                    run(limited.toArray(String[]::new)), where);
            // the destination is sometimes one of the sources
            String dest = random.nextBoolean() ? "dest" : keys.get(random.nextInt(keys.size()));
            Map<String, Set<String>> expected = Map.of("SINTERSTORE", inter, "SUNIONSTORE", union, "SDIFFSTORE", diff);
            for (String op : List.of("SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE")) {
                Set<String> want = expected.get(op);
                List<String> store = new ArrayList<>(List.of(op, dest));
                store.addAll(keys);
                assertEquals(":" + want.size(), run(store.toArray(String[]::new)), where + " " + op);
                assertEquals(want, members(ctx.run("SMEMBERS", dest)), where + " " + op);
                run("DEL", dest);
                if (model.containsKey(dest)) { // restore the source the STORE overwrote
                    List<String> args = new ArrayList<>(List.of("SADD", dest));
                    args.addAll(model.get(dest));
                    run(args.toArray(String[]::new));
                }
            }
        }
    }

    @Test
    void sinter_inTheSmallestSetsOrder_integersAscending() {
        run("SADD", "big", "x", "5", "1", "3", "9");
        run("SADD", "small", "9", "3", "1");
        assertEquals("*3 $1 $3 $9", run("SINTER", "big", "small"));
        assertEquals("*3 $1 $3 $9", run("SINTER", "small", "big", "small"));
    }

    @Test
    void sunionSdiff_integerResultsAscend() {
        run("SADD", "b", "3", "5");
        run("SADD", "c", "5", "1", "7", "y");
        run("SREM", "c", "y"); // integers only, but a hash table for good
        assertEquals("*4 $1 $3 $5 $7", run("SUNION", "c", "nosuch", "b", "b"), "c is a hash table: the result is not");
        assertEquals("*2 $1 $7", run("SDIFF", "c", "b"));
    }

    @Test
    void setOps_areResp3Sets() {
        run("SADD", "a", "1");
        for (String op : List.of("SINTER", "SUNION", "SDIFF")) {
            assertInstanceOf(Reply.SetReply.class, ctx.run(op, "a"), op);
            assertEquals(new Reply.SetReply(List.of()), ctx.run(op, "nosuch"), op);
        }
    }

    @Test
    void setOps_sameKeyTwice() {
        run("SADD", "a", "1", "2");
        assertEquals("*2 $1 $2", run("SINTER", "a", "a"));
        assertEquals("*2 $1 $2", run("SUNION", "a", "a"));
        assertEquals("*0", run("SDIFF", "a", "a"));
        assertEquals("*0", run("SDIFF", "a", "nosuch", "a"));
        assertEquals(":2", run("SINTERCARD", "2", "a", "a"));
        assertEquals(":2", run("SINTERSTORE", "a", "a", "a"));
        assertEquals(":0", run("SDIFFSTORE", "a", "a", "a"));
        assertTrue(store.get(0, b("a")).isEmpty());
    }

    @Test
    void setOps_typeCheckEverySourceAndCountEachLookup() {
        run("SADD", "a", "1");
        run("SET", "str", "v");
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value", run("SINTER", "nosuch", "str", "a"));
        assertEquals(0, ctx.counters().keyspaceHits.sum() - 1, "str was looked up; a was not");
        assertEquals(1, ctx.counters().keyspaceMisses.sum());
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value", run("SDIFF", "nosuch", "str"));
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value", run("SUNIONSTORE", "d", "a", "str"));
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value", run("SINTERSTORE", "d", "nosuch", "str"));
        assertTrue(store.get(0, b("d")).isEmpty());
    }

    @Test
    void store_overwritesAnyDestination_dropsItsExpiry() {
        run("SADD", "a", "1", "2");
        run("SET", "dest", "v", "PX", "5000");
        assertEquals(":2", run("SUNIONSTORE", "dest", "a"));
        assertEquals(Entry.NO_EXPIRY, entry("dest").expireAtMillis());
        assertEquals("intset", encoding("dest"));
        run("PEXPIRE", "a", "5000");
        assertEquals(":2", run("SINTERSTORE", "a", "a"));
        assertEquals(Entry.NO_EXPIRY, entry("a").expireAtMillis(), "a destination that is a source too");
    }

    @Test
    void store_resultIsAFreshValue_neverASourcesObject() {
        run("SADD", "a", "1", "2", "x");
        run("SUNIONSTORE", "u", "a");
        run("SINTERSTORE", "i", "a");
        run("SDIFFSTORE", "d", "a", "nosuch");
        Object source = entry("a").value();
        for (String k : List.of("u", "i", "d")) {
            assertNotSame(source, entry(k).value(), k);
        }
        run("SADD", "u", "more");
        assertEquals(":0", run("SISMEMBER", "a", "more"));
    }

    @Test
    void store_emptyResult_deletesTheDestination_orWritesNothing() {
        run("SADD", "a", "1");
        run("SADD", "b", "2");
        run("SET", "dest", "v");
        assertEquals(":0", run("SINTERSTORE", "dest", "a", "b"));
        assertTrue(store.get(0, b("dest")).isEmpty());
        long version = entry("a").version();
        assertEquals(":0", run("SDIFFSTORE", "dest", "nosuch", "a"));
        assertTrue(store.get(0, b("dest")).isEmpty());
        assertEquals(version, entry("a").version());
    }

    @Test
    void sdiffstore_redisAlgorithmChoice_decidesTheEncoding() {
        sadd("big", range(1, 514));
        run("SADD", "s1", "1", "2", "3");
        run("SADD", "s2", "4");
        // two sources: the first algorithm only adds survivors, a set of 510 integers
        assertEquals(":510", run("SDIFFSTORE", "d", "big", "s1"));
        assertEquals("intset", encoding("d"));
        // big first, two small ones: the second adds all 513 first (a hash table), then removes
        assertEquals(":509", run("SDIFFSTORE", "d", "big", "s1", "s2"));
        assertEquals("hashtable", encoding("d"));
    }

    @Test
    void sintercard_argumentErrors() {
        run("SADD", "a", "1");
        assertEquals("-ERR numkeys should be greater than 0", run("SINTERCARD", "0", "a"));
        assertEquals("-ERR numkeys should be greater than 0", run("SINTERCARD", "x", "a"));
        assertEquals("-ERR Number of keys can't be greater than number of args", run("SINTERCARD", "2", "a"));
        assertEquals("-ERR LIMIT can't be negative", run("SINTERCARD", "1", "a", "LIMIT", "-1"));
        assertEquals("-ERR LIMIT can't be negative", run("SINTERCARD", "1", "a", "LIMIT", "x"));
        assertEquals("-ERR syntax error", run("SINTERCARD", "1", "a", "LIMIT"));
        assertEquals("-ERR syntax error", run("SINTERCARD", "1", "a", "FOO", "1"));
        assertEquals(":1", run("SINTERCARD", "1", "a", "limit", "5", "LIMIT", "0"));
    }

    // --- SSCAN --------------------------------------------------------------------------------------

    @Test
    void sscan_fullLoop_returnsEveryMember_whileTheSetChanges() {
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 1500; i++) {
            stable.add("m" + i);
        }
        sadd("k", stable);
        int churn = rounds(200);
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int step = 0;
        do {
            Reply.ArrayReply r = (Reply.ArrayReply) ctx.run("SSCAN", "k", cursor, "COUNT", "25");
            cursor = bulk(r.items().get(0));
            seen.addAll(list(r.items().get(1)));
            // grow and shrink between steps: resizes both ways under the cursor
            List<String> args = new ArrayList<>(List.of(step % 2 == 0 ? "SADD" : "SREM", "k"));
            for (int i = 0; i < churn; i++) {
                args.add("t" + step / 2 + ":" + i);
            }
            run(args.toArray(String[]::new));
            step++;
        } while (!cursor.equals("0"));
        assertTrue(seen.containsAll(stable), "missed " + (stable.size() - seen.stream().filter(stable::contains).count()));
    }

    @Test
    void sscan_matchAndIntsetInOneStep() {
        run("SADD", "k", "12", "3", "1", "10");
        assertEquals("*2 $0 *4 $1 $3 $10 $12", run("SSCAN", "k", "0", "COUNT", "1"));
        assertEquals("*2 $0 *3 $1 $10 $12", run("SSCAN", "k", "0", "MATCH", "1*"));
        assertEquals("*2 $0 *0", run("SSCAN", "nosuch", "0", "COUNT", "0"), "options are not parsed for an absent key");
        assertEquals("-ERR syntax error", run("SSCAN", "k", "0", "TYPE", "set"));
        assertEquals("-ERR invalid cursor", run("SSCAN", "nosuch", "x"));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static String[] cmd(String name, String numKeys, List<String> keys) {
        List<String> out = new ArrayList<>(List.of(name));
        if (numKeys != null) {
            out.add(numKeys);
        }
        out.addAll(keys);
        return out.toArray(String[]::new);
    }

    private void sadd(String key, java.util.Collection<String> members) {
        List<String> args = new ArrayList<>(List.of("SADD", key));
        args.addAll(members);
        run(args.toArray(String[]::new));
    }

    private static List<String> range(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    private String run(String... words) {
        return show(ctx.run(words));
    }

    /** A compact rendering: ":1", "$-1", "-ERR ...", "*2 $a $b" (a RESP3 set shows as an array). */
    static String show(Reply r) {
        return switch (r) {
            case Reply.IntReply i -> ":" + i.value();
            case Reply.NullReply n -> "$-1";
            case Reply.ErrorReply e -> "-" + e.message();
            case Reply.BulkReply bulk -> "$" + new String(bulk.value(), StandardCharsets.ISO_8859_1);
            case Reply.SimpleString s -> "+" + s.value();
            case Reply.ArrayReply a -> items(a.items());
            case Reply.SetReply s -> items(s.items());
            default -> r.toString();
        };
    }

    private static String items(List<Reply> items) {
        return items.stream().map(SetCommandsTest::show)
                .collect(Collectors.joining(" ", "*" + items.size() + (items.isEmpty() ? "" : " "), ""));
    }

    /** The members of a set or array reply, in order. */
    static List<String> list(Reply r) {
        List<Reply> items = switch (r) {
            case Reply.SetReply s -> s.items();
            case Reply.ArrayReply a -> a.items();
            default -> throw new AssertionError("not a set or array: " + show(r));
        };
        List<String> out = new ArrayList<>();
        for (Reply item : items) {
            out.add(bulk(item));
        }
        return out;
    }

    /** The members of a set or array reply, checked distinct. */
    static Set<String> members(Reply r) {
        List<String> l = list(r);
        Set<String> out = new TreeSet<>(l);
        assertEquals(l.size(), out.size(), "repeated members in " + show(r));
        return new HashSet<>(out);
    }

    static String bulk(Reply r) {
        return new String(((Reply.BulkReply) r).value(), StandardCharsets.ISO_8859_1);
    }

    private Entry entry(String key) {
        Optional<Entry> e = store.get(0, b(key));
        return e.orElseThrow(() -> new AssertionError("no key " + key));
    }

    private String encoding(String key) {
        return ((SetValue) entry(key).value()).encoding();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
