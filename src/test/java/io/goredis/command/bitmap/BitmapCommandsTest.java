package io.goredis.command.bitmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bitmap commands on the in-memory store: what the differential scripts cannot see (versions,
 * stored expiries, keyspace statistics), and BITCOUNT / BITPOS / BITOP against bit-by-bit models
 * over random strings and ranges. Expected literal replies are redis-server 7.0.15's.
 */
class BitmapCommandsTest {

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
        CommandTable table = CommandTable.standard();
        try (table) {
            assertRow(table, "setbit", 4, Set.of(Flag.WRITE, Flag.DENYOOM), 1, 1);
            assertRow(table, "getbit", 3, Set.of(Flag.READONLY, Flag.FAST), 1, 1);
            assertRow(table, "bitcount", -2, Set.of(Flag.READONLY), 1, 1);
            assertRow(table, "bitpos", -3, Set.of(Flag.READONLY), 1, 1);
            assertRow(table, "bitop", -4, Set.of(Flag.WRITE, Flag.DENYOOM), 2, -1);
            assertRow(table, "bitfield", -2, Set.of(Flag.WRITE, Flag.DENYOOM), 1, 1);
            assertRow(table, "bitfield_ro", -2, Set.of(Flag.READONLY, Flag.FAST), 1, 1);
        }
    }

    private static void assertRow(CommandTable table, String name, int arity, Set<Flag> flags, int first, int last) {
        CommandSpec spec = table.get(name);
        assertEquals(arity, spec.arity(), name);
        assertEquals(flags, spec.flags(), name);
        assertEquals(first, spec.firstKey(), name);
        assertEquals(last, spec.lastKey(), name);
        assertEquals(1, spec.step(), name);
        assertEquals("bitmap", spec.group(), name);
    }

    // --- SETBIT / GETBIT ----------------------------------------------------------------------------

    @Test
    void setbit_growsAndAnswersTheOldBit() {
        assertEquals(":0", run("SETBIT", "k", "7", "1"));
        assertArrayEquals(new byte[] {1}, value("k"));
        assertEquals(":1", run("SETBIT", "k", "7", "0"));
        assertEquals(":0", run("SETBIT", "k", "17", "1"));
        assertArrayEquals(new byte[] {0, 0, 0x40}, value("k"));
        assertEquals(":1", run("GETBIT", "k", "17"));
        assertEquals(":0", run("GETBIT", "k", "24"));
    }

    @Test
    void setbit_unchangedBit_leavesTheKeyUntouched() {
        run("SETBIT", "k", "3", "1");
        long version = entry("k").version();
        assertEquals(":1", run("SETBIT", "k", "3", "1"));
        assertEquals(":0", run("SETBIT", "k", "4", "0"));
        assertEquals(version, entry("k").version());
        assertEquals(":0", run("SETBIT", "k", "8", "0")); // grows: a write
        assertTrue(entry("k").version() > version);
    }

    @Test
    void setbit_keepsTheExpiry() {
        run("SET", "k", "v", "PX", "5000");
        run("SETBIT", "k", "100", "1");
        assertEquals(now + 5000, entry("k").expireAtMillis());
    }

    @Test
    void setbit_errorsInRedisOrder() {
        assertEquals("-ERR bit offset is not an integer or out of range", run("SETBIT", "k", "-1", "x"));
        assertEquals("-ERR bit is not an integer or out of range", run("SETBIT", "k", "1", "x"));
        assertEquals("-ERR bit is not an integer or out of range", run("SETBIT", "k", "1", "2"));
        assertEquals("$-1", run("GET", "k"));
    }

    @Test
    void getbit_countsHitsAndMisses() {
        run("GETBIT", "nosuch", "0");
        run("SET", "k", "a");
        run("GETBIT", "k", "1");
        assertEquals(1, ctx.counters().keyspaceHits.sum());
        assertEquals(1, ctx.counters().keyspaceMisses.sum());
    }

    // --- BITCOUNT / BITPOS against models ----------------------------------------------------------

    @Test
    void bitcount_matchesModel_randomStringsAndRanges() {
        Random random = new Random(3);
        for (int round = 0; round < rounds(3000); round++) {
            byte[] v = randomValue(random);
            store.put(0, b("k"), v, Entry.NO_EXPIRY);
            long start = randomIndex(random, v.length);
            long end = randomIndex(random, v.length);
            boolean bit = random.nextBoolean();
            String unit = bit ? "BIT" : "BYTE";
            String reply = run("BITCOUNT", "k", Long.toString(start), Long.toString(end), unit);
            assertEquals(":" + countModel(v, start, end, bit), reply,
                    () -> "BITCOUNT " + hex(v) + " " + start + " " + end + " " + unit);
        }
    }

    @Test
    void bitpos_matchesModel_randomStringsAndRanges() {
        Random random = new Random(4);
        for (int round = 0; round < rounds(6000); round++) {
            byte[] v = randomValue(random);
            store.put(0, b("k"), v, Entry.NO_EXPIRY);
            int bit = random.nextInt(2);
            long start = randomIndex(random, v.length);
            long end = randomIndex(random, v.length);
            int form = random.nextInt(4);
            boolean isBit = form == 3;
            List<String> cmd = new ArrayList<>(List.of("BITPOS", "k", Integer.toString(bit)));
            if (form >= 1) {
                cmd.add(Long.toString(start));
            }
            if (form >= 2) {
                cmd.add(Long.toString(end));
            }
            if (form == 3) {
                cmd.add("BIT");
            } else if (form == 2 && random.nextBoolean()) {
                cmd.add("BYTE");
            }
            long expected = posModel(v, bit, form >= 1 ? start : 0, form >= 2 ? end : -1, form >= 2, isBit);
            String reply = run(cmd.toArray(String[]::new));
            assertEquals(":" + expected, reply, () -> String.join(" ", cmd) + " on " + hex(v));
        }
    }

    /** Short strings (up to three words) mostly of 0x00 / 0xff runs, so both bits are sometimes absent. */
    private static byte[] randomValue(Random random) {
        byte[] v = new byte[random.nextInt(26)];
        int style = random.nextInt(3);
        for (int i = 0; i < v.length; i++) {
            int r = random.nextInt(10);
            v[i] = (byte) switch (style) {
                case 0 -> r == 0 ? random.nextInt(256) : 0;
                case 1 -> r == 0 ? random.nextInt(256) : 0xff;
                default -> random.nextInt(256);
            };
        }
        return v;
    }

    private static long randomIndex(Random random, int length) {
        return switch (random.nextInt(6)) {
            case 0 -> -random.nextInt(length * 8 + 20) - 1;
            case 1 -> random.nextInt(length * 8 + 20);
            case 2 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            default -> random.nextInt(length + 3) - (length + 3) / 2;
        };
    }

    /** The bits [from, to] (inclusive, in bits) of a range, as Redis resolves it; null if empty. */
    private static long[] bitSpan(int length, long start, long end, boolean bit) {
        long total = bit ? length * 8L : length;
        start = start < 0 ? Math.max(0, total + start) : start;
        end = end < 0 ? Math.max(0, total + end) : end;
        end = Math.min(end, total - 1);
        if (start > end) {
            return null;
        }
        return bit ? new long[] {start, end} : new long[] {start * 8, end * 8 + 7};
    }

    private static long countModel(byte[] v, long start, long end, boolean bit) {
        if (start < 0 && end < 0 && start > end) {
            return 0;
        }
        long[] span = bitSpan(v.length, start, end, bit);
        if (span == null) {
            return 0;
        }
        long n = 0;
        for (long i = span[0]; i <= span[1]; i++) {
            n += BitInts.getUnsigned(v, i, 1);
        }
        return n;
    }

    private static long posModel(byte[] v, int bit, long start, long end, boolean endGiven, boolean isBit) {
        long[] span = bitSpan(v.length, start, endGiven ? end : v.length - 1L, isBit);
        if (span == null) {
            return -1;
        }
        for (long i = span[0]; i <= span[1]; i++) {
            if (BitInts.getUnsigned(v, i, 1) == bit) {
                return i;
            }
        }
        // not found: a clear bit counts as found just past the string when no end was given
        return bit == 0 && !endGiven ? v.length * 8L : -1;
    }

    // --- BITOP ----------------------------------------------------------------------------------------

    @Test
    void bitop_matchesModel_randomSources() {
        Random random = new Random(5);
        String[] ops = {"AND", "OR", "XOR", "NOT"};
        for (int round = 0; round < rounds(500); round++) {
            String op = ops[random.nextInt(4)];
            int n = op.equals("NOT") ? 1 : 1 + random.nextInt(4);
            List<String> cmd = new ArrayList<>(List.of("BITOP", op, "dest"));
            List<byte[]> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = "s" + random.nextInt(5);
                byte[] v = random.nextInt(5) == 0 ? null : randomBytes(random, random.nextInt(70));
                if (v == null) {
                    store.delete(0, b(key));
                } else {
                    store.put(0, b(key), v, Entry.NO_EXPIRY);
                }
                cmd.add(key);
            }
            for (int i = 0; i < n; i++) {
                values.add(store.get(0, b(cmd.get(3 + i))).map(Entry::bytes).orElse(new byte[0]));
            }
            byte[] expected = opModel(op, values);
            assertEquals(":" + expected.length, run(cmd.toArray(String[]::new)));
            if (expected.length == 0) {
                assertFalse(store.get(0, b("dest")).isPresent());
            } else {
                assertArrayEquals(expected, value("dest"), String.join(" ", cmd));
            }
        }
    }

    private static byte[] opModel(String op, List<byte[]> values) {
        int max = values.stream().mapToInt(v -> v.length).max().orElse(0);
        byte[] out = new byte[max];
        for (int i = 0; i < max; i++) {
            int acc = at(values.get(0), i);
            if (op.equals("NOT")) {
                acc = ~acc;
            }
            for (int k = 1; k < values.size(); k++) {
                int x = at(values.get(k), i);
                acc = switch (op) {
                    case "AND" -> acc & x;
                    case "OR" -> acc | x;
                    default -> acc ^ x;
                };
            }
            out[i] = (byte) acc;
        }
        return out;
    }

    private static int at(byte[] v, int i) {
        return i < v.length ? v[i] & 0xff : 0;
    }

    @Test
    void bitop_dropsTheDestinationExpiryAndDeletesOnEmpty() {
        run("SET", "dest", "x", "PX", "1000");
        run("SET", "a", "\u0001");
        assertEquals(":1", run("BITOP", "OR", "dest", "a"));
        assertEquals(Entry.NO_EXPIRY, entry("dest").expireAtMillis());
        assertEquals(":0", run("BITOP", "AND", "dest", "nosuch"));
        assertFalse(store.get(0, b("dest")).isPresent());
    }

    @Test
    void bitop_emptyResultOnAbsentDestination_writesNothing() {
        run("BITOP", "AND", "dest", "nosuch");
        assertFalse(store.get(0, b("dest")).isPresent());
    }

    @Test
    void bitop_countsEverySourceLookup() {
        run("SET", "a", "1");
        run("BITOP", "OR", "dest", "a", "nosuch", "a");
        assertEquals(2, ctx.counters().keyspaceHits.sum());
        assertEquals(1, ctx.counters().keyspaceMisses.sum());
    }

    // --- BITFIELD -----------------------------------------------------------------------------------

    @Test
    void bitfield_repliesInOrder() {
        assertEquals("*4 :0 :255 :255 $-1",
                run("BITFIELD", "k", "SET", "u8", "0", "255", "GET", "u8", "0", "OVERFLOW", "SAT", "INCRBY", "u8", "0",
                        "1", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "1"));
        assertArrayEquals(new byte[] {(byte) 0xff}, value("k"));
    }

    @Test
    void bitfield_getsOnly_readWithoutCreating() {
        assertEquals("*2 :0 :0", run("BITFIELD", "k", "GET", "i8", "0", "GET", "u63", "100"));
        assertEquals("*0", run("BITFIELD", "k"));
        assertFalse(store.get(0, b("k")).isPresent());
        assertEquals(0, ctx.counters().keyspaceHits.sum());
        assertEquals(2, ctx.counters().keyspaceMisses.sum());
    }

    @Test
    void bitfield_failStillGrowsTheString() {
        run("SET", "k", "a", "PX", "7000");
        assertEquals("*1 $-1", run("BITFIELD", "k", "OVERFLOW", "FAIL", "INCRBY", "u8", "16", "300"));
        assertArrayEquals(new byte[] {'a', 0, 0}, value("k"));
        assertEquals(now + 7000, entry("k").expireAtMillis());
    }

    @Test
    void bitfield_unchangedFields_leaveTheKeyUntouched() {
        run("SET", "k", "\u0005");
        long version = entry("k").version();
        assertEquals("*3 :5 :5 $-1", run("BITFIELD", "k", "SET", "u8", "0", "5", "INCRBY", "u8", "0", "0",
                "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "-6"));
        assertEquals(version, entry("k").version());
    }

    @Test
    void bitfieldRo_refusesWritesAfterParsing() {
        assertEquals("-ERR value is not an integer or out of range", run("BITFIELD_RO", "k", "SET", "u8", "0", "x"));
        assertEquals("-ERR BITFIELD_RO only supports the GET subcommand",
                run("BITFIELD_RO", "k", "GET", "u8", "0", "INCRBY", "u8", "0", "1"));
        assertEquals("*1 :0", run("BITFIELD_RO", "k", "GET", "u8", "0"));
        assertFalse(store.get(0, b("k")).isPresent());
    }

    // --- helpers ------------------------------------------------------------------------------------

    private String run(String... words) {
        return show(ctx.run(words));
    }

    /** A compact rendering: ":1", "$-1", "-ERR ...", "*2 :0 :1". */
    private static String show(Reply r) {
        return switch (r) {
            case Reply.IntReply i -> ":" + i.value();
            case Reply.NullReply n -> "$-1";
            case Reply.ErrorReply e -> "-" + e.message();
            case Reply.BulkReply bulk -> "$" + new String(bulk.value(), StandardCharsets.ISO_8859_1);
            case Reply.SimpleString s -> "+" + s.value();
            case Reply.ArrayReply a -> a.items().stream().map(BitmapCommandsTest::show)
                    .collect(Collectors.joining(" ", "*" + a.items().size() + (a.items().isEmpty() ? "" : " "), ""));
            default -> r.toString();
        };
    }

    private Entry entry(String key) {
        return store.get(0, b(key)).orElseThrow();
    }

    private byte[] value(String key) {
        return entry(key).bytes();
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] v = new byte[n];
        random.nextBytes(v);
        return v;
    }

    private static String hex(byte[] v) {
        StringBuilder sb = new StringBuilder();
        for (byte x : v) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
