package io.goredis.store.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ListValue} against a {@link java.util.ArrayList} model: random operations at both ends
 * and in the middle (the ring wraps, grows and shrinks under them), keepRange's clamping, copies,
 * weights and the codec round trip.
 */
class ListValueTest {

    @Test
    void new_isAnEmptyQuicklist() {
        ListValue l = new ListValue();
        assertEquals(Type.LIST, l.type());
        assertEquals("quicklist", l.encoding());
        assertEquals(0, l.size());
        assertTrue(l.isEmpty());
        assertEquals(List.of(), strings(l));
    }

    @Test
    void pushAndPop_bothEnds_inOrder() {
        ListValue l = new ListValue();
        l.pushBack(b("b"));
        l.pushFront(b("a"));
        l.pushBack(b("c"));
        assertEquals(List.of("a", "b", "c"), strings(l));
        assertEquals("a", str(l.popFront()));
        assertEquals("c", str(l.popBack()));
        assertEquals("b", str(l.popBack()));
        assertTrue(l.isEmpty());
    }

    @Test
    void randomOperations_matchTheModel() {
        SplittableRandom random = new SplittableRandom(23);
        for (int round = 0; round < 40; round++) {
            ListValue l = new ListValue();
            List<String> model = new ArrayList<>();
            // rounds alternate between growing, shrinking and staying around a size, so the ring
            // wraps at every capacity on the way up and on the way down
            int target = 1 + random.nextInt(round % 4 == 0 ? 3 : 400);
            for (int op = 0; op < 4000; op++) {
                step(random, l, model, target);
                if (op % 1000 == 999) {
                    target = 1 + random.nextInt(600);
                }
                assertEquals(model.size(), l.size());
            }
            assertEquals(model, strings(l));
        }
    }

    private static void step(SplittableRandom random, ListValue l, List<String> model, int target) {
        String e = "e" + random.nextInt(1_000_000);
        boolean grow = model.size() < target ? random.nextInt(10) < 7 : random.nextInt(10) < 3;
        int n = model.size();
        switch (random.nextInt(grow ? 4 : 3) + (grow ? 0 : 4)) {
            case 0 -> {
                l.pushFront(b(e));
                model.add(0, e);
            }
            case 1 -> {
                l.pushBack(b(e));
                model.add(e);
            }
            case 2, 3 -> {
                int at = nearAnEnd(random, n + 1);
                l.insert(at, b(e));
                model.add(at, e);
            }
            case 4 -> {
                if (n > 0) {
                    assertEquals(model.remove(0), str(l.popFront()));
                }
            }
            case 5 -> {
                if (n > 0) {
                    assertEquals(model.remove(n - 1), str(l.popBack()));
                }
            }
            default -> {
                if (n > 0) {
                    int at = nearAnEnd(random, n);
                    assertEquals(model.remove(at), str(l.removeAt(at)));
                }
            }
        }
        if (!model.isEmpty()) {
            int at = random.nextInt(model.size());
            assertEquals(model.get(at), str(l.get(at)));
            if (random.nextInt(8) == 0) {
                l.set(at, b(e + "s"));
                model.set(at, e + "s");
            }
        }
    }

    /** An index in {@code [0, bound)}, mostly within a few of either end. */
    private static int nearAnEnd(SplittableRandom random, int bound) {
        int off = random.nextInt(Math.min(bound, 4));
        return switch (random.nextInt(3)) {
            case 0 -> off;
            case 1 -> bound - 1 - off;
            default -> random.nextInt(bound);
        };
    }

    @Test
    void insertAndRemoveAt_everyPosition_ofAWrappedRing() {
        for (int n = 0; n < 40; n++) {
            for (int at = 0; at <= n; at++) {
                ListValue l = wrapped(n);
                List<String> model = strings(l);
                l.insert(at, b("x"));
                model.add(at, "x");
                assertEquals(model, strings(l), n + "/" + at);
                if (at < n) {
                    assertEquals(model.remove(at + 1), str(l.removeAt(at + 1)));
                    assertEquals(model, strings(l), n + "/" + at);
                }
            }
        }
    }

    @Test
    void indexChecks() {
        ListValue l = list("a", "b");
        assertThrows(IndexOutOfBoundsException.class, () -> l.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> l.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> l.set(2, b("x")));
        assertThrows(IndexOutOfBoundsException.class, () -> l.insert(3, b("x")));
        assertThrows(IndexOutOfBoundsException.class, () -> l.insert(-1, b("x")));
        assertThrows(IndexOutOfBoundsException.class, () -> l.removeAt(2));
        assertEquals(List.of("a", "b"), strings(l));
        l.insert(2, b("c"));
        assertEquals(List.of("a", "b", "c"), strings(l));
    }

    @Test
    void keepRange_matchesTheModel_onWrappedRings() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 3000; i++) {
            int n = random.nextInt(70);
            ListValue l = wrapped(n);
            List<String> model = strings(l);
            int start = random.nextInt(n + 3);
            int stop = random.nextInt(n + 3);
            l.keepRange(start, stop);
            List<String> expected = start > stop || start >= n ? List.of() : model.subList(start, Math.min(stop, n - 1) + 1);
            assertEquals(expected, strings(l), n + " [" + start + ", " + stop + "]");
            // still a working list afterwards
            l.pushFront(b("f"));
            l.pushBack(b("t"));
            assertEquals("f", str(l.get(0)));
            assertEquals("t", str(l.get((int) l.size() - 1)));
            assertEquals(expected.size() + 2, l.size());
        }
    }

    @Test
    void forEach_range() {
        ListValue l = wrapped(10);
        List<String> model = strings(l);
        List<String> got = new ArrayList<>();
        l.forEach(3, 6, e -> got.add(str(e)));
        assertEquals(model.subList(3, 7), got);
    }

    @Test
    void copy_isIndependent() {
        for (int n : new int[] {0, 1, 4, 5, 17, 300}) {
            ListValue original = wrapped(n);
            List<String> before = strings(original);
            ListValue copy = original.copy();
            assertNotSame(original, copy);
            assertEquals(before, strings(copy));

            copy.pushFront(b("new"));
            copy.pushBack(b("new"));
            if (n > 0) {
                copy.set(0, b("changed"));
                copy.removeAt((int) copy.size() / 2);
            }
            assertEquals(before, strings(original));
            original.pushBack(b("other"));
            assertEquals(n + 2 - (n > 0 ? 1 : 0), copy.size());
        }
    }

    @Test
    void weight_followsElementsAndShrinks() {
        ListValue l = new ListValue();
        long empty = l.weight();
        for (int i = 0; i < 1000; i++) {
            l.pushBack(b("element" + i));
        }
        long full = l.weight();
        assertTrue(full > empty + 1000 * 7);
        for (int i = 0; i < 990; i++) {
            l.popFront();
        }
        assertTrue(l.weight() < full / 20, "the ring shrank: " + l.weight());
        l.set(0, new byte[1000]);
        assertTrue(l.weight() > 1000);
    }

    @Test
    void codec_roundTrip() {
        for (ListValue l : List.of(new ListValue(), list("a"), list("", "x", ""), wrapped(33), binary())) {
            ListValue back = (ListValue) ValueCodec.decode(Type.LIST, ValueCodec.encode(l));
            assertEquals(l.size(), back.size());
            for (int i = 0; i < l.size(); i++) {
                assertArrayEquals(l.get(i), back.get(i));
            }
            assertEquals("quicklist", back.encoding());
        }
        assertThrows(IllegalArgumentException.class, () -> ValueCodec.decode(Type.LIST, new byte[] {0, 2, 1, 'a'}));
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** A list of {@code n} elements whose ring has wrapped (its head is not at slot 0). */
    private static ListValue wrapped(int n) {
        ListValue l = new ListValue();
        for (int i = 0; i < n; i++) {
            l.pushBack(b("x"));
            l.pushFront(b(Integer.toString(i)));
            l.popBack();
        }
        return l;
    }

    private static ListValue binary() {
        ListValue l = new ListValue();
        l.pushBack(new byte[] {0, (byte) 0xff, '\r', '\n'});
        l.pushBack(new byte[300]);
        return l;
    }

    private static ListValue list(String... elements) {
        ListValue l = new ListValue();
        for (String e : elements) {
            l.pushBack(b(e));
        }
        return l;
    }

    private static List<String> strings(ListValue l) {
        List<String> out = new ArrayList<>();
        l.forEach(e -> out.add(str(e)));
        assertEquals(l.size(), out.size());
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
