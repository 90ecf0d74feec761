package io.goredis.command.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import io.goredis.store.value.ListValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list commands on the in-memory store: what the differential script ({@code lists.redis})
 * cannot see (versions, so which commands write and which do not; stored expiries; keyspace
 * statistics; reply types), and every command against a model over random command sequences
 * ({@link ListModel}). Literal replies are redis-server 7.0.15's.
 */
class ListCommandsTest {

    static final String WRONGTYPE = "-WRONGTYPE Operation against a key holding the wrong kind of value";

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
            Set<Flag> pushFlags = Set.of(Flag.WRITE, Flag.DENYOOM, Flag.FAST);
            for (String push : List.of("lpush", "rpush", "lpushx", "rpushx")) {
                assertRow(table, push, -3, pushFlags, 1, 1, 1);
            }
            assertRow(table, "lpop", -2, Set.of(Flag.WRITE, Flag.FAST), 1, 1, 1);
            assertRow(table, "rpop", -2, Set.of(Flag.WRITE, Flag.FAST), 1, 1, 1);
            assertRow(table, "llen", 2, Set.of(Flag.READONLY, Flag.FAST), 1, 1, 1);
            assertRow(table, "lindex", 3, Set.of(Flag.READONLY), 1, 1, 1);
            assertRow(table, "lset", 4, Set.of(Flag.WRITE, Flag.DENYOOM), 1, 1, 1);
            assertRow(table, "lrange", 4, Set.of(Flag.READONLY), 1, 1, 1);
            assertRow(table, "ltrim", 4, Set.of(Flag.WRITE), 1, 1, 1);
            assertRow(table, "lrem", 4, Set.of(Flag.WRITE), 1, 1, 1);
            assertRow(table, "linsert", 5, Set.of(Flag.WRITE, Flag.DENYOOM), 1, 1, 1);
            assertRow(table, "lpos", -3, Set.of(Flag.READONLY), 1, 1, 1);
            assertRow(table, "lmove", 5, Set.of(Flag.WRITE, Flag.DENYOOM), 1, 2, 1);
            assertRow(table, "rpoplpush", 3, Set.of(Flag.WRITE, Flag.DENYOOM), 1, 2, 1);
            assertRow(table, "lmpop", -4, Set.of(Flag.WRITE, Flag.MOVABLEKEYS), 0, 0, 0);
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
        assertEquals("list", spec.group(), name);
    }

    // --- pushes -------------------------------------------------------------------------------------

    @Test
    void push_createsAQuicklist_andAnswersTheLength() {
        assertEquals(":3", run("LPUSH", "k", "a", "b", "c"));
        assertEquals(":5", run("RPUSH", "k", "x", "y"));
        assertEquals("*5 $c $b $a $x $y", run("LRANGE", "k", "0", "-1"));
        assertInstanceOf(ListValue.class, entry("k").value());
        assertEquals("quicklist", entry("k").value().encoding());
        assertEquals(Entry.NO_EXPIRY, entry("k").expireAtMillis());
    }

    @Test
    void pushx_absentKey_createsNothing() {
        assertEquals(":0", run("LPUSHX", "k", "a"));
        assertEquals(":0", run("RPUSHX", "k", "a", "b"));
        assertTrue(store.get(0, b("k")).isEmpty());
        run("RPUSH", "k", "m");
        assertEquals(":3", run("LPUSHX", "k", "a", "b"));
        assertEquals(":4", run("RPUSHX", "k", "z"));
        assertEquals("*4 $b $a $m $z", run("LRANGE", "k", "0", "-1"));
    }

    @Test
    void writes_keepTheExpiry() {
        run("RPUSH", "k", "a", "b", "c", "d", "e", "f");
        run("PEXPIRE", "k", "5000");
        for (String[] cmd : List.of(
                new String[] {"LPUSH", "k", "x"}, new String[] {"RPUSHX", "k", "y"},
                new String[] {"LPOP", "k"}, new String[] {"RPOP", "k", "1"},
                new String[] {"LSET", "k", "0", "z"}, new String[] {"LINSERT", "k", "AFTER", "z", "w"},
                new String[] {"LREM", "k", "1", "w"}, new String[] {"LTRIM", "k", "0", "-2"},
                new String[] {"LMOVE", "k", "k", "LEFT", "RIGHT"}, new String[] {"LMPOP", "1", "k", "LEFT"})) {
            run(cmd);
            assertEquals(now + 5000, entry("k").expireAtMillis(), cmd[0]);
        }
    }

    // --- pops ---------------------------------------------------------------------------------------

    @Test
    void pop_theLastElement_deletesTheKey() {
        run("RPUSH", "k", "a", "b");
        assertEquals("$a", run("LPOP", "k"));
        assertEquals("$b", run("RPOP", "k"));
        assertTrue(store.get(0, b("k")).isEmpty());
        run("RPUSH", "k", "a", "b");
        assertEquals("*2 $b $a", run("RPOP", "k", "5"));
        assertTrue(store.get(0, b("k")).isEmpty());
    }

    @Test
    void pop_replyTypes_nilBulkNullArrayEmptyArray() {
        assertSame(Reply.NULL, ctx.run("LPOP", "nosuch"));
        assertSame(Reply.NULL_ARRAY, ctx.run("RPOP", "nosuch", "2"));
        assertSame(Reply.NULL_ARRAY, ctx.run("LPOP", "nosuch", "0"));
        run("RPUSH", "k", "a");
        long version = entry("k").version();
        assertEquals(Reply.EMPTY_ARRAY, ctx.run("LPOP", "k", "0"));
        assertEquals(version, entry("k").version(), "a count of 0 writes nothing");
        assertInstanceOf(Reply.ArrayReply.class, ctx.run("LPOP", "k", "1"));
    }

    @Test
    void pop_countErrors_beforeTheKey() {
        run("SET", "str", "v");
        for (String bad : List.of("-1", "x", "1.5", "-0", "9223372036854775808", "")) {
            assertEquals("-ERR value is out of range, must be positive", run("LPOP", "str", bad), bad);
        }
        assertEquals("-ERR wrong number of arguments for 'rpop' command", run("RPOP", "str", "1", "2"));
        assertEquals(WRONGTYPE, run("LPOP", "str", "0"));
    }

    // --- which commands write -----------------------------------------------------------------------

    @Test
    void noChange_writesNothing() {
        run("RPUSH", "k", "a", "b", "c");
        long version = entry("k").version();
        assertEquals(":0", run("LREM", "k", "0", "nosuch"));
        assertEquals(":-1", run("LINSERT", "k", "BEFORE", "nosuch", "x"));
        assertEquals("*0", run("LPOP", "k", "0"));
        assertEquals("$-1", run("LMOVE", "nosuch", "k", "LEFT", "LEFT"));
        assertEquals("*-1", run("LMPOP", "2", "nosuch", "nosuch2", "LEFT"));
        assertEquals(version, entry("k").version());
    }

    @Test
    void redisSignalsTheKeyModified_soTheseAlwaysWrite() {
        run("RPUSH", "k", "a", "b", "c");
        long version = entry("k").version();
        assertEquals("+OK", run("LTRIM", "k", "0", "-1"));
        assertTrue(entry("k").version() > version, "LTRIM that trims nothing");
        version = entry("k").version();
        assertEquals("+OK", run("LSET", "k", "0", "a"));
        assertTrue(entry("k").version() > version, "LSET to the same value");
        run("RPUSH", "one", "x");
        version = entry("one").version();
        assertEquals("$x", run("RPOPLPUSH", "one", "one"));
        assertTrue(entry("one").version() > version, "a rotation of one element");
    }

    @Test
    void lrem_removingSeveral_keepsTheOthersInOrder() {
        run("RPUSH", "k", "a", "x", "b", "x", "c", "x", "d");
        assertEquals(":2", run("LREM", "k", "-2", "x"));
        assertEquals("*5 $a $x $b $c $d", run("LRANGE", "k", "0", "-1"));
        assertEquals(":1", run("LREM", "k", "0", "x"));
        assertEquals("*4 $a $b $c $d", run("LRANGE", "k", "0", "-1"));
        run("RPUSH", "all", "x", "x", "x");
        assertEquals(":3", run("LREM", "all", "0", "x"));
        assertTrue(store.get(0, b("all")).isEmpty());
    }

    // --- LMOVE / LMPOP ------------------------------------------------------------------------------

    @Test
    void lmove_movesAndKeepsBothExpiries_deletesTheEmptiedSource() {
        run("RPUSH", "src", "a", "b");
        run("RPUSH", "dst", "x");
        run("PEXPIRE", "src", "5000");
        run("PEXPIRE", "dst", "7000");
        assertEquals("$b", run("LMOVE", "src", "dst", "RIGHT", "LEFT"));
        assertEquals("*2 $b $x", run("LRANGE", "dst", "0", "-1"));
        assertEquals(now + 5000, entry("src").expireAtMillis());
        assertEquals(now + 7000, entry("dst").expireAtMillis());
        assertEquals("$a", run("RPOPLPUSH", "src", "fresh"));
        assertTrue(store.get(0, b("src")).isEmpty());
        assertEquals(Entry.NO_EXPIRY, entry("fresh").expireAtMillis());
    }

    @Test
    void lmove_wrongTypeDestination_leavesTheSourceAsItWas() {
        run("RPUSH", "src", "a");
        run("SET", "str", "v");
        long version = entry("src").version();
        assertEquals(WRONGTYPE, run("LMOVE", "src", "str", "LEFT", "LEFT"));
        assertEquals(WRONGTYPE, run("RPOPLPUSH", "src", "str"));
        assertEquals("*1 $a", run("LRANGE", "src", "0", "-1"));
        assertEquals(version, entry("src").version());
        assertEquals("$-1", run("RPOPLPUSH", "nosuch", "str"), "an absent source answers nil first");
    }

    @Test
    void lmove_sameKey_rotatesOneList() {
        run("RPUSH", "k", "1", "2", "3");
        assertEquals("$1", run("LMOVE", "k", "k", "LEFT", "RIGHT"));
        assertEquals("*3 $2 $3 $1", run("LRANGE", "k", "0", "-1"));
        assertEquals("$1", run("RPOPLPUSH", "k", "k"));
        assertEquals("*3 $1 $2 $3", run("LRANGE", "k", "0", "-1"));
        assertEquals("$1", run("LMOVE", "k", "k", "LEFT", "LEFT"));
        assertEquals("*3 $1 $2 $3", run("LRANGE", "k", "0", "-1"));
    }

    @Test
    void lmpop_firstListInArgumentOrder_writesOnlyIt() {
        run("RPUSH", "b", "1", "2", "3");
        run("RPUSH", "c", "x");
        long versionC = entry("c").version();
        Reply r = ctx.run("LMPOP", "3", "a", "b", "c", "RIGHT", "COUNT", "2");
        assertEquals("*2 $b *2 $3 $2", show(r));
        assertEquals(versionC, entry("c").version());
        assertEquals("*2 $b *1 $1", run("LMPOP", "3", "b", "b", "c", "LEFT", "COUNT", "5"));
        assertTrue(store.get(0, b("b")).isEmpty());
        assertEquals("*2 $c *1 $x", run("LMPOP", "2", "b", "c", "LEFT"));
        assertSame(Reply.NULL_ARRAY, ctx.run("LMPOP", "2", "b", "c", "LEFT"));
    }

    @Test
    void lmpop_aKeyOfAnotherTypeBeforeAList_isWrongType() {
        run("SET", "str", "v");
        run("RPUSH", "l", "a");
        assertEquals(WRONGTYPE, run("LMPOP", "3", "nosuch", "str", "l", "LEFT"));
        assertEquals(WRONGTYPE, run("LMPOP", "1", "str", "LEFT"));
        assertEquals("*1 $a", run("LRANGE", "l", "0", "-1"));
        assertEquals("*2 $l *1 $a", run("LMPOP", "2", "l", "str", "LEFT"));
    }

    // --- statistics and types -----------------------------------------------------------------------

    @Test
    void reads_countHitsAndMisses_writesDoNot() {
        run("RPUSH", "k", "a");
        run("LLEN", "k");
        run("LINDEX", "nosuch", "x"); // looked up before the index is parsed
        run("LINDEX", "k", "x");
        run("LRANGE", "k", "x", "0"); // parsed before the lookup: not counted
        run("LRANGE", "nosuch", "0", "1");
        run("LPOS", "k", "a");
        run("LPOS", "k", "a", "RANK", "0"); // not counted
        assertEquals(3, ctx.counters().keyspaceHits.sum());
        assertEquals(2, ctx.counters().keyspaceMisses.sum());
        run("RPUSH", "k", "b");
        run("LPOP", "nosuch");
        run("LSET", "k", "0", "x");
        run("LMOVE", "k", "k2", "LEFT", "LEFT");
        run("LMPOP", "2", "nosuch", "k", "LEFT");
        run("LTRIM", "k2", "0", "0");
        assertEquals(3, ctx.counters().keyspaceHits.sum());
        assertEquals(2, ctx.counters().keyspaceMisses.sum());
    }

    @Test
    void wrongType_changesNothing() {
        run("SET", "str", "v");
        for (String[] cmd : List.of(
                new String[] {"LPUSH", "str", "a"}, new String[] {"RPUSH", "str", "a"},
                new String[] {"LPUSHX", "str", "a"}, new String[] {"RPUSHX", "str", "a"},
                new String[] {"LPOP", "str"}, new String[] {"RPOP", "str", "2"},
                new String[] {"LLEN", "str"}, new String[] {"LINDEX", "str", "0"},
                new String[] {"LSET", "str", "0", "x"}, new String[] {"LRANGE", "str", "0", "-1"},
                new String[] {"LTRIM", "str", "0", "1"}, new String[] {"LREM", "str", "0", "v"},
                new String[] {"LINSERT", "str", "BEFORE", "v", "x"}, new String[] {"LPOS", "str", "v"},
                new String[] {"LMOVE", "str", "x", "LEFT", "LEFT"}, new String[] {"RPOPLPUSH", "str", "str"},
                new String[] {"LMPOP", "1", "str", "LEFT"})) {
            assertEquals(WRONGTYPE, run(cmd), cmd[0]);
        }
        assertEquals("$v", run("GET", "str"));
        run("RPUSH", "l", "a");
        assertEquals(WRONGTYPE, run("GET", "l"));
        assertEquals(WRONGTYPE, run("HGET", "l", "f"));
        assertEquals(WRONGTYPE, run("SADD", "l", "m"));
    }

    @Test
    void copy_givesAnIndependentList() {
        run("RPUSH", "k", "a", "b");
        run("COPY", "k", "k2");
        assertNotSame(entry("k").value(), entry("k2").value());
        run("LPUSH", "k2", "x");
        run("LSET", "k2", "1", "A");
        assertEquals("*2 $a $b", run("LRANGE", "k", "0", "-1"));
        assertEquals("*3 $x $A $b", run("LRANGE", "k2", "0", "-1"));
    }

    // --- against a model ----------------------------------------------------------------------------

    @Test
    void everyCommand_matchesTheModel_randomSequences() {
        ListModel model = new ListModel(new java.util.Random(31));
        for (int i = 0; i < rounds(20_000); i++) {
            String[] cmd = model.randomCommand();
            String expected = model.apply(cmd);
            assertEquals(expected, run(cmd), i + ": " + String.join(" ", cmd));
        }
        for (String key : ListModel.KEYS) {
            assertEquals(model.range(key), run("LRANGE", key, "0", "-1"), key);
        }
    }

    @Test
    void aLongList_indexesInsertsAndRemovesInTheMiddle() {
        List<String> model = new ArrayList<>();
        List<String> push = new ArrayList<>(List.of("RPUSH", "k"));
        for (int i = 0; i < 5000; i++) {
            model.add(Integer.toString(i % 700));
            push.add(Integer.toString(i % 700));
        }
        assertEquals(":5000", run(push.toArray(String[]::new)));
        for (int i : new int[] {0, 1, 2499, 2500, 4998, 4999}) {
            assertEquals("$" + model.get(i), run("LINDEX", "k", Integer.toString(i)));
            assertEquals("$" + model.get(i), run("LINDEX", "k", Integer.toString(i - 5000)));
        }
        assertEquals(":5001", run("LINSERT", "k", "AFTER", "699", "mid"));
        model.add(700, "mid");
        assertEquals(":700", run("LPOS", "k", "mid"));
        assertEquals(":8", run("LREM", "k", "0", "5"));
        model.removeIf("5"::equals);
        assertEquals(":4993", run("LLEN", "k"));
        assertEquals("+OK", run("LTRIM", "k", "1000", "-1000"));
        model = new ArrayList<>(model.subList(1000, model.size() - 999));
        assertEquals(show(model), run("LRANGE", "k", "0", "-1"));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private String run(String... words) {
        return show(ctx.run(words));
    }

    /** A compact rendering: ":1", "$-1" (nil), "*-1" (null array), "-ERR ...", "*2 $a $b". */
    static String show(Reply r) {
        return switch (r) {
            case Reply.IntReply i -> ":" + i.value();
            case Reply.NullReply n -> "$-1";
            case Reply.NullArray n -> "*-1";
            case Reply.ErrorReply e -> "-" + e.message();
            case Reply.BulkReply bulk -> "$" + new String(bulk.value(), StandardCharsets.ISO_8859_1);
            case Reply.SimpleString s -> "+" + s.value();
            case Reply.ArrayReply a -> a.items().stream().map(ListCommandsTest::show)
                    .collect(Collectors.joining(" ", "*" + a.items().size() + (a.items().isEmpty() ? "" : " "), ""));
            default -> r.toString();
        };
    }

    /** How {@link #show} renders an array of these bulk strings. */
    static String show(List<String> elements) {
        return elements.stream().map(e -> "$" + e)
                .collect(Collectors.joining(" ", "*" + elements.size() + (elements.isEmpty() ? "" : " "), ""));
    }

    private Entry entry(String key) {
        Optional<Entry> e = store.get(0, b(key));
        return e.orElseThrow(() -> new AssertionError("no key " + key));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
