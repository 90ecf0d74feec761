package io.goredis.store.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link HashValue} against a {@code LinkedHashMap} model: both encodings and the conversion between
 * them at Redis 7.0's limits, removal, insertion order while small, HSCAN's guarantee across growth
 * and shrinking, random picks, deep copies and the stored form.
 */
class HashValueTest {

    @Test
    void putGet_smallHash_listpackInInsertionOrder() {
        HashValue h = new HashValue();
        assertTrue(h.isEmpty());
        assertTrue(h.put(b("b"), b("1")));
        assertTrue(h.put(b("a"), b("2")));
        assertFalse(h.put(b("b"), b("3"))); // replaced in place: keeps its position
        assertEquals(2, h.size());
        assertEquals("listpack", h.encoding());
        assertEquals(Type.HASH, h.type());
        assertEquals("3", s(h.get(b("b"))));
        assertNull(h.get(b("c")));
        assertTrue(h.contains(b("a")));
        assertFalse(h.contains(b("c")));
        assertEquals(List.of("b=3", "a=2"), entries(h));
    }

    @Test
    void put_binaryAndEmptyStrings_roundTrip() {
        HashValue h = new HashValue();
        byte[] binary = {0, (byte) 0x80, (byte) 0xff, 0x7f, '\r', '\n'};
        h.put(new byte[0], new byte[0]);
        h.put(binary, binary.clone());
        h.put(b("x"), new byte[0]);
        assertArrayEquals(new byte[0], h.get(new byte[0]));
        assertArrayEquals(binary, h.get(binary.clone()));
        assertArrayEquals(new byte[0], h.get(b("x")));
        assertFalse(h.contains(new byte[] {0}));
        assertEquals(3, h.size());
    }

    @Test
    void put_513thField_convertsToHashtable() {
        HashValue h = new HashValue();
        for (int i = 0; i < HashValue.MAX_LISTPACK_ENTRIES; i++) {
            h.put(b("f" + i), b("v" + i));
        }
        assertEquals("listpack", h.encoding());
        h.put(b("f0"), b("again")); // a replacement adds no field
        assertEquals("listpack", h.encoding());
        h.put(b("f512"), b("v512"));
        assertEquals("hashtable", h.encoding());
        assertEquals(513, h.size());
        assertEquals("again", s(h.get(b("f0"))));
        for (int i = 1; i <= 512; i++) {
            assertEquals("v" + i, s(h.get(b("f" + i))));
        }
        for (int i = 0; i <= 512; i++) { // never back to a listpack, as in Redis
            assertTrue(h.remove(b("f" + i)));
        }
        assertTrue(h.isEmpty());
        assertEquals("hashtable", h.encoding());
    }

    @Test
    void put_65ByteValueOrField_convertsToHashtable() {
        HashValue h = new HashValue();
        h.put(b("a"), b("x".repeat(64)));
        h.put(b("y".repeat(64)), b("1"));
        assertEquals("listpack", h.encoding());
        h.put(b("a"), b("x".repeat(65))); // a replacement too
        assertEquals("hashtable", h.encoding());
        assertEquals("x".repeat(65), s(h.get(b("a"))));
        assertEquals("1", s(h.get(b("y".repeat(64)))));

        HashValue byField = new HashValue();
        byField.put(b("k"), b("v"));
        byField.put(b("z".repeat(65)), b("v"));
        assertEquals("hashtable", byField.encoding());
        assertEquals(2, byField.size());
        assertEquals("v", s(byField.get(b("k"))));
    }

    @Test
    void remove_bothEncodings_matchesModel() {
        for (int size : new int[] {10, 2000}) {
            Random random = new Random(size);
            HashValue h = new HashValue();
            Map<String, String> model = new LinkedHashMap<>();
            for (int op = 0; op < size * 20; op++) {
                String f = "f" + random.nextInt(size);
                if (random.nextInt(3) == 0) {
                    assertEquals(model.remove(f) != null, h.remove(b(f)), f);
                } else {
                    String v = "v" + op;
                    assertEquals(model.put(f, v) == null, h.put(b(f), b(v)), f);
                }
                assertEquals(model.size(), h.size());
            }
            assertEquals(size > 512 ? "hashtable" : "listpack", h.encoding());
            if (size <= 512) { // insertion order while small
                List<String> expected = new ArrayList<>();
                model.forEach((f, v) -> expected.add(f + "=" + v));
                assertEquals(expected, entries(h));
            } else {
                assertEquals(sorted(model), sorted(h));
            }
            assertFalse(h.remove(b("absent")));
        }
    }

    @Test
    void scan_small_everythingAtOnceWithCursorZero() {
        HashValue h = new HashValue();
        h.put(b("a"), b("1"));
        h.put(b("b"), b("2"));
        List<String> seen = new ArrayList<>();
        assertEquals(0, h.scan(12345, 1, (f, v) -> seen.add(s(f) + "=" + s(v))));
        assertEquals(List.of("a=1", "b=2"), seen);
    }

    @Test
    void scan_large_everyFieldPresentThroughoutIsReturned_acrossGrowthAndShrink() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            HashValue h = new HashValue();
            Set<String> stable = new HashSet<>();
            for (int i = 0; i < 600 + random.nextInt(3000); i++) {
                h.put(b("s" + i), b("v"));
                stable.add("s" + i);
            }
            int churn = 0;
            Set<String> seen = new HashSet<>();
            long cursor = 0;
            int calls = 0;
            do {
                cursor = h.scan(cursor, 1 + random.nextInt(50), (f, v) -> seen.add(s(f)));
                // between calls, grow (x4) or shrink the table with fields that come and go
                int n = round % 2 == 0 ? random.nextInt(400) : -random.nextInt(400);
                for (int i = 0; i < Math.abs(n); i++) {
                    if (n > 0) {
                        h.put(b("t" + churn++), b("v"));
                    } else if (churn > 0) {
                        h.remove(b("t" + --churn));
                    }
                }
                if (round % 2 == 1 && calls == 0) { // then drop half the stable fields for good
                    for (int i = 0; i < stable.size(); i += 2) {
                        h.remove(b("s" + i));
                    }
                    stable.removeIf(f -> Integer.parseInt(f.substring(1)) % 2 == 0);
                }
                calls++;
            } while (cursor != 0 && calls < 100_000);
            assertEquals(0, cursor);
            assertTrue(seen.containsAll(stable), () -> "missed " + diff(stable, seen));
        }
    }

    @Test
    void scan_large_hugeCount_returnsEverythingInOneCall() {
        HashValue h = new HashValue();
        for (int i = 0; i < 5000; i++) {
            h.put(b("f" + i), b("v"));
        }
        Set<String> seen = new HashSet<>();
        assertEquals(0, h.scan(0, Integer.MAX_VALUE, (f, v) -> seen.add(s(f))));
        assertEquals(5000, seen.size());
    }

    @Test
    void random_bothEncodings_everyFieldComesUpWithItsValue() {
        for (int size : new int[] {3, 700}) {
            HashValue h = new HashValue();
            for (int i = 0; i < size; i++) {
                h.put(b("f" + i), b("v" + i));
            }
            Map<String, Integer> hits = new HashMap<>();
            Random random = new Random(1);
            for (int i = 0; i < size * 60; i++) {
                byte[][] fv = h.random(random);
                assertEquals("v" + s(fv[0]).substring(1), s(fv[1]));
                hits.merge(s(fv[0]), 1, Integer::sum);
            }
            assertEquals(size, hits.size());
            hits.values().forEach(n -> assertTrue(n > 10 && n < 150, "skewed: " + n));
        }
    }

    @Test
    void copy_bothEncodings_independentOfTheOriginal() {
        for (int size : new int[] {4, 600}) {
            HashValue original = new HashValue();
            for (int i = 0; i < size; i++) {
                original.put(b("f" + i), b("v" + i));
            }
            List<String> before = sorted(original);
            HashValue copy = original.copy();
            assertEquals(original.encoding(), copy.encoding());
            copy.put(b("f0"), b("changed"));
            copy.put(b("new"), b("x".repeat(100)));
            copy.remove(b("f1"));
            assertEquals(before, sorted(original));
            original.put(b("f2"), b("changed too"));
            original.remove(b("f3"));
            assertEquals("v2", s(copy.get(b("f2"))));
            assertEquals("v3", s(copy.get(b("f3"))));
            assertEquals("changed", s(copy.get(b("f0"))));
            assertEquals("v0", s(original.get(b("f0"))));
        }
    }

    @Test
    void codec_roundTrip_keepsContentsOrderAndEncoding() {
        HashValue small = new HashValue();
        small.put(b("z"), b("1"));
        small.put(new byte[0], new byte[] {(byte) 0xff});
        HashValue decoded = (HashValue) ValueCodec.decode(Type.HASH, ValueCodec.encode(small));
        assertEquals(entries(small), entries(decoded));
        assertEquals("listpack", decoded.encoding());

        HashValue large = new HashValue();
        large.put(b("long"), b("x".repeat(65)));
        HashValue decodedLarge = (HashValue) ValueCodec.decode(Type.HASH, ValueCodec.encode(large));
        assertEquals("hashtable", decodedLarge.encoding());
        assertEquals(sorted(large), sorted(decodedLarge));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static List<String> entries(HashValue h) {
        List<String> out = new ArrayList<>();
        h.forEach((f, v) -> out.add(s(f) + "=" + s(v)));
        return out;
    }

    private static List<String> sorted(HashValue h) {
        List<String> out = entries(h);
        out.sort(null);
        return out;
    }

    private static List<String> sorted(Map<String, String> model) {
        List<String> out = new ArrayList<>();
        model.forEach((f, v) -> out.add(f + "=" + v));
        out.sort(null);
        return out;
    }

    private static Set<String> diff(Set<String> want, Set<String> seen) {
        Set<String> missing = new HashSet<>(want);
        missing.removeAll(seen);
        return missing;
    }
}
