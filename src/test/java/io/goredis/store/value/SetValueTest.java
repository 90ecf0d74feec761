package io.goredis.store.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SetValue}: the intset and hash-table encodings and the switch between them (Redis 7.0's
 * rules), member operations on both, and SSCAN's guarantee across growth and shrinking.
 */
class SetValueTest {

    // --- encodings ----------------------------------------------------------------------------------

    @Test
    void new_isAnEmptyIntset() {
        SetValue s = new SetValue();
        assertEquals("intset", s.encoding());
        assertEquals(0, s.size());
        assertTrue(s.isEmpty());
        assertEquals(Type.SET, s.type());
    }

    @Test
    void add_nonInteger_becomesHashtableForGood() {
        SetValue s = set("1", "2", "3");
        assertEquals("intset", s.encoding());
        assertTrue(s.add(b("x")));
        assertEquals("hashtable", s.encoding());
        assertEquals(Set.of("1", "2", "3", "x"), strings(s));
        assertTrue(s.remove(b("x")));
        assertEquals("hashtable", s.encoding()); // integers again, but Redis never converts back
        assertEquals(Set.of("1", "2", "3"), strings(s));
    }

    @Test
    void add_nonCanonicalIntegers_areStrings() {
        for (String m : List.of("-0", "01", "+1", " 1", "1 ", "9223372036854775808", "-9223372036854775809", "", "1.0", "0x1")) {
            SetValue s = set("5");
            assertTrue(s.add(b(m)), m);
            assertEquals("hashtable", s.encoding(), m);
            assertTrue(s.contains(b(m)), m);
        }
    }

    @Test
    void add_512Integers_staysIntset_513thConverts() {
        SetValue s = new SetValue();
        for (int i = 0; i < SetValue.MAX_INTSET_ENTRIES; i++) {
            assertTrue(s.add(b(Integer.toString(i * 7 - 1000))));
        }
        assertEquals("intset", s.encoding());
        assertFalse(s.add(b("-1000")), "already there: no conversion");
        assertEquals("intset", s.encoding());
        assertTrue(s.add(b("999999")));
        assertEquals("hashtable", s.encoding());
        assertEquals(513, s.size());
        for (int i = 0; i < SetValue.MAX_INTSET_ENTRIES; i++) {
            assertTrue(s.contains(b(Integer.toString(i * 7 - 1000))));
        }
        assertTrue(s.contains(b("999999")));
    }

    @Test
    void forEach_intset_ascendingWhateverTheInsertionOrder() {
        SetValue s = set("5", "-3", "9223372036854775807", "-9223372036854775808", "0", "10", "-10", "5");
        List<String> order = new ArrayList<>();
        s.forEach(m -> order.add(str(m)));
        assertEquals(List.of("-9223372036854775808", "-10", "-3", "0", "5", "10", "9223372036854775807"), order);
    }

    @Test
    void forEach_intset_ascendingOverRandomIntegers() {
        Random random = new Random(7);
        SetValue s = new SetValue();
        java.util.TreeSet<Long> model = new java.util.TreeSet<>();
        while (model.size() < SetValue.MAX_INTSET_ENTRIES) {
            long v = random.nextLong();
            model.add(v);
            s.add(b(Long.toString(v)));
        }
        assertEquals("intset", s.encoding());
        List<Long> order = new ArrayList<>();
        s.forEach(m -> order.add(Long.parseLong(str(m))));
        assertEquals(new ArrayList<>(model), order);
    }

    // --- contains / remove --------------------------------------------------------------------------

    @Test
    void contains_intset_nonIntegerQueryIsAbsent() {
        SetValue s = set("1", "2");
        assertTrue(s.contains(b("1")));
        assertFalse(s.contains(b("01")));
        assertFalse(s.contains(b("-0")));
        assertFalse(s.contains(b("x")));
        assertFalse(s.contains(b("")));
        assertEquals("intset", s.encoding());
    }

    @Test
    void remove_bothEncodings() {
        SetValue ints = set("1", "2", "3");
        assertTrue(ints.remove(b("2")));
        assertFalse(ints.remove(b("2")));
        assertFalse(ints.remove(b("x")));
        assertFalse(ints.remove(b("02")));
        assertEquals(Set.of("1", "3"), strings(ints));

        SetValue table = set("a", "", "1");
        assertTrue(table.remove(b("")));
        assertFalse(table.remove(b("")));
        assertTrue(table.remove(b("1")));
        assertEquals(Set.of("a"), strings(table));
        assertTrue(table.remove(b("a")));
        assertTrue(table.isEmpty());
    }

    @Test
    void addRemove_matchesModel_randomOperations() {
        SplittableRandom random = new SplittableRandom(11);
        SetValue s = new SetValue();
        Set<String> model = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            // mostly integers, so the set lives as an intset for a while before it converts
            String m = random.nextInt(100) < 98 || i < 5000 ? Integer.toString(random.nextInt(700)) : "m" + random.nextInt(700);
            if (random.nextBoolean()) {
                assertEquals(model.add(m), s.add(b(m)), m);
            } else {
                assertEquals(model.remove(m), s.remove(b(m)), m);
            }
            assertEquals(model.size(), s.size());
        }
        assertEquals(model, strings(s));
    }

    @Test
    void binaryMembers_keptExactly() {
        byte[] a = {0, 1, (byte) 0xff};
        byte[] c = {0};
        SetValue s = new SetValue();
        assertTrue(s.add(a));
        assertTrue(s.add(c));
        assertTrue(s.add(new byte[0]));
        assertFalse(s.add(new byte[] {0, 1, (byte) 0xff}));
        assertTrue(s.contains(new byte[] {0}));
        assertFalse(s.contains(new byte[] {0, 0}));
        assertEquals(3, s.size());
    }

    // --- random / pop -------------------------------------------------------------------------------

    @Test
    void pop_handsOutEveryMemberOnce_bothEncodings() {
        for (SetValue s : List.of(range(0, 300), range(0, 2000), set("a", "b", "c", "1"))) {
            Set<String> expected = strings(s);
            Set<String> popped = new HashSet<>();
            SplittableRandom random = new SplittableRandom(3);
            while (!s.isEmpty()) {
                long before = s.size();
                assertTrue(popped.add(str(s.pop(random))));
                assertEquals(before - 1, s.size());
            }
            assertEquals(expected, popped);
        }
    }

    @Test
    void pop_intset_removesWhatItAnswers() {
        SetValue s = range(0, 10);
        String m = str(s.pop(new SplittableRandom(1)));
        assertFalse(s.contains(b(m)));
        assertEquals(9, s.size());
        assertEquals("intset", s.encoding());
    }

    @Test
    void random_roughlyUniform_bothEncodings() {
        for (SetValue s : List.of(range(0, 20), withString(range(0, 20)))) {
            Map<String, Integer> counts = new HashMap<>();
            SplittableRandom random = new SplittableRandom(5);
            int draws = 40_000;
            for (int i = 0; i < draws; i++) {
                counts.merge(str(s.random(random)), 1, Integer::sum);
            }
            assertEquals(strings(s), counts.keySet());
            double expected = (double) draws / s.size();
            for (int c : counts.values()) {
                assertTrue(Math.abs(c - expected) < expected * 0.2, counts.toString());
            }
        }
    }

    // --- scan ---------------------------------------------------------------------------------------

    @Test
    void scan_intset_everythingAtOnceWithCursorZero() {
        SetValue s = set("3", "1", "2");
        List<String> seen = new ArrayList<>();
        assertEquals(0, s.scan(12345, 1, m -> seen.add(str(m))));
        assertEquals(List.of("1", "2", "3"), seen);
    }

    @Test
    void scan_hashtable_coversEveryMemberInSmallSteps() {
        SetValue s = withString(range(0, 5000));
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int calls = 0;
        do {
            cursor = s.scan(cursor, 10, m -> seen.add(str(m)));
            calls++;
        } while (cursor != 0);
        assertEquals(strings(s), seen);
        assertTrue(calls > 100, "walked in steps: " + calls);
    }

    @Test
    void scan_hugeCount_oneCallReturnsEverything() {
        SetValue s = withString(range(0, 3000));
        Set<String> seen = new HashSet<>();
        assertEquals(0, s.scan(0, Integer.MAX_VALUE, m -> seen.add(str(m))));
        assertEquals(strings(s), seen);
    }

    @Test
    void scan_acrossGrowthAndShrink_returnsEveryMemberPresentThroughout() {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 20; round++) {
            SetValue s = withString(range(0, 200));
            Set<String> stable = strings(s); // never removed during the scan
            int next = 100_000;
            List<String> transient_ = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long cursor = 0;
            int step = 0;
            do {
                cursor = s.scan(cursor, 1 + random.nextInt(20), m -> seen.add(str(m)));
                // between steps the table grows a lot, then shrinks back (resizes both ways)
                if (step % 4 < 2) {
                    for (int i = 0; i < 300; i++) {
                        String m = "t" + next++;
                        s.add(b(m));
                        transient_.add(m);
                    }
                } else {
                    while (!transient_.isEmpty()) {
                        s.remove(b(transient_.remove(transient_.size() - 1)));
                        if (random.nextInt(200) == 0) {
                            break;
                        }
                    }
                }
                step++;
            } while (cursor != 0 && step < 100_000);
            assertEquals(0, cursor);
            assertTrue(seen.containsAll(stable), "round " + round + ": missed " + missing(stable, seen));
        }
    }

    // --- copy / weight ------------------------------------------------------------------------------

    @Test
    void copy_isIndependent_bothEncodings() {
        for (SetValue original : List.of(range(0, 10), withString(range(0, 600)))) {
            Set<String> before = strings(original);
            String encoding = original.encoding();
            SetValue copy = original.copy();
            assertNotSame(original, copy);
            assertEquals(before, strings(copy));
            assertEquals(encoding, copy.encoding());

            copy.add(b("new"));
            copy.remove(b("1"));
            copy.pop(new SplittableRandom(1));
            assertEquals(before, strings(original));
            assertEquals(encoding, original.encoding());

            original.add(b("other"));
            assertFalse(copy.contains(b("other")));
        }
    }

    @Test
    void weight_growsWithMembers() {
        SetValue s = new SetValue();
        long empty = s.weight();
        for (int i = 0; i < 1000; i++) {
            s.add(b("member" + i));
        }
        assertTrue(s.weight() > empty + 1000 * 6);
    }

    @Test
    void codec_roundTripKeepsMembersAndEncoding() {
        for (SetValue s : List.of(range(-5, 5), withString(range(0, 10)), range(0, 600), shrunk())) {
            SetValue back = (SetValue) ValueCodec.decode(Type.SET, ValueCodec.encode(s));
            assertEquals(strings(s), strings(back));
            assertEquals(s.encoding(), back.encoding());
        }
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** A hash-table set of integers only (it went past 512, then shrank). */
    private static SetValue shrunk() {
        SetValue s = range(0, 513);
        s.remove(b("0"));
        return s;
    }

    private static SetValue set(String... members) {
        SetValue s = new SetValue();
        for (String m : members) {
            s.add(b(m));
        }
        return s;
    }

    private static SetValue range(int from, int to) {
        SetValue s = new SetValue();
        for (int i = from; i < to; i++) {
            s.add(b(Integer.toString(i)));
        }
        return s;
    }

    private static SetValue withString(SetValue s) {
        s.add(b("str"));
        return s;
    }

    private static Set<String> strings(SetValue s) {
        Set<String> out = new HashSet<>();
        s.forEach(m -> assertTrue(out.add(str(m)), "forEach repeats " + str(m)));
        assertEquals(s.size(), out.size());
        return out;
    }

    private static Set<String> missing(Set<String> expected, Set<String> seen) {
        Set<String> out = new HashSet<>(expected);
        out.removeAll(seen);
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
