package io.goredis.store.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ZSetValue} (and the {@link ScoreTree} under it): Redis 7.0's encoding rules, and a
 * model check of every operation against a sorted {@link TreeSet} through many random inserts,
 * rescorings and removals, in patterns that split, merge and empty the tree's nodes (ascending
 * scores, descending, random, all-equal scores, queue-like pop-front/push-back).
 */
class ZSetValueTest {

    private record El(double score, String member) implements Comparable<El> {
        @Override
        public int compareTo(El o) {
            return ScoreTree.compare(score, b(member), o.score, b(o.member));
        }
    }

    // --- encodings ----------------------------------------------------------------------------------

    @Test
    void small_isListpack_untilEntriesOrValueLengthExceedRedisLimits() {
        ZSetValue z = new ZSetValue();
        assertEquals(Type.ZSET, z.type());
        for (int i = 0; i < ZSetValue.MAX_LISTPACK_ENTRIES; i++) {
            z.add(b("m" + i), i);
        }
        assertEquals("listpack", z.encoding());
        z.add(b("m0"), 5); // an update is not a new member
        assertEquals("listpack", z.encoding());
        z.add(b("one-more"), 1);
        assertEquals("skiplist", z.encoding());
        z.removeRange(0, 1000);
        assertEquals(0, z.size());
        assertEquals("skiplist", z.encoding(), "never goes back, as in Redis");

        ZSetValue longMember = new ZSetValue();
        longMember.add(b("x".repeat(64)), 1);
        assertEquals("listpack", longMember.encoding());
        longMember.add(b("x".repeat(65)), 1);
        assertEquals("skiplist", longMember.encoding());
    }

    @Test
    void nan_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ZSetValue().add(b("a"), Double.NaN));
    }

    @Test
    void negativeZero_isTheSameScoreAsZero_andTiesSortByMemberBytesUnsigned() {
        ZSetValue z = new ZSetValue();
        z.add(b("b"), 0.0);
        z.add(b("a"), -0.0);
        z.add(new byte[] {(byte) 0xff}, 0);
        z.add(b("ab"), 0);
        assertEquals(List.of("a", "ab", "b", "\u00ff"), members(z));
        assertFalse(z.add(b("a"), 0.0));
        assertEquals(0.0, z.score(b("a")), "a listpack keeps -0 as the integer 0, as Redis's does");
    }

    @Test
    void infinities_sortAtTheEnds() {
        ZSetValue z = new ZSetValue();
        z.add(b("x"), Double.POSITIVE_INFINITY);
        z.add(b("y"), Double.NEGATIVE_INFINITY);
        z.add(b("z"), 0);
        assertEquals(List.of("y", "z", "x"), members(z));
        assertEquals(1, z.countByScore(Double.NEGATIVE_INFINITY, true));
        assertEquals(0, z.countByScore(Double.NEGATIVE_INFINITY, false));
        assertEquals(3, z.countByScore(Double.POSITIVE_INFINITY, true));
    }

    @Test
    void copy_isIndependent_andKeepsTheEncoding() {
        ZSetValue z = new ZSetValue();
        for (int i = 0; i < 200; i++) {
            z.add(b("m" + i), i);
        }
        ZSetValue c = z.copy();
        assertEquals("skiplist", c.encoding());
        c.remove(b("m1"));
        c.add(b("m2"), -1);
        assertEquals(200, z.size());
        assertEquals(2.0, z.score(b("m2")));
        assertEquals(199, c.size());
    }

    // --- model check --------------------------------------------------------------------------------

    @Test
    void randomOperations_matchASortedModel() {
        for (String pattern : List.of("random", "ascending", "descending", "equal", "queue", "fewScores")) {
            for (long seed = 1; seed <= 3; seed++) {
                check(pattern, new SplittableRandom(seed * 31 + pattern.hashCode()), 30_000);
            }
        }
    }

    private static void check(String pattern, SplittableRandom random, int steps) {
        ZSetValue z = new ZSetValue();
        TreeSet<El> model = new TreeSet<>();
        Map<String, Double> scores = new HashMap<>();
        long counter = 0;
        long front = 0;
        for (int step = 0; step < steps; step++) {
            int op = random.nextInt(100);
            String ctx = pattern + " step " + step;
            if (op < 55 || model.size() < 10) {
                String member;
                double score;
                switch (pattern) {
                    case "ascending" -> {
                        member = "m" + counter;
                        score = counter++;
                    }
                    case "descending" -> {
                        member = "m" + counter;
                        score = -(counter++);
                    }
                    case "equal" -> {
                        member = Long.toString(random.nextLong(5_000));
                        score = 7;
                    }
                    case "queue" -> {
                        member = "job" + counter;
                        score = counter++;
                    }
                    case "fewScores" -> {
                        member = "m" + random.nextInt(3_000);
                        score = random.nextInt(4);
                    }
                    default -> {
                        member = "m" + random.nextInt(4_000);
                        score = random.nextInt(1_000) / 4.0;
                    }
                }
                Double old = scores.put(member, score);
                if (old != null) {
                    model.remove(new El(old, member));
                }
                model.add(new El(score, member));
                assertEquals(old == null, z.add(b(member), score), ctx);
            } else if (op < 80) {
                String member = pattern.equals("queue") && !model.isEmpty() && random.nextBoolean()
                        ? model.first().member()
                        : pickMember(random, model, scores);
                Double old = scores.remove(member);
                if (old != null) {
                    model.remove(new El(old, member));
                }
                assertEquals(old != null, z.remove(b(member)), ctx);
                front++;
            } else if (op < 85 && !model.isEmpty()) {
                long from = random.nextLong(model.size());
                long to = from + random.nextInt(40);
                List<El> all = new ArrayList<>(model);
                List<El> gone = all.subList((int) from, (int) Math.min(all.size(), to + 1));
                for (El e : List.copyOf(gone)) {
                    model.remove(e);
                    scores.remove(e.member());
                }
                assertEquals(Math.min(all.size(), to + 1) - from, z.removeRange(from, to), ctx);
            } else {
                query(z, model, random, ctx);
            }
            assertEquals(model.size(), z.size(), ctx);
        }
        assertEquals(List.copyOf(model), elements(z), pattern);
        ZSetValue decoded = (ZSetValue) ValueCodec.decode(Type.ZSET, ValueCodec.encode(z));
        assertEquals(List.copyOf(model), elements(decoded), pattern + " codec");
        assertEquals(z.encoding(), decoded.encoding());
    }

    @Test
    void deepTree_threeLevels_ranksAndRangesStayExact_throughMassRemoval() {
        ZSetValue z = new ZSetValue();
        SplittableRandom random = new SplittableRandom(7);
        int n = 600_000; // > 128 * 64 * 64 / 2: inner nodes split at least twice over
        long[] scores = new long[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextLong(1_000_000_000L);
            z.add(b("m" + i), scores[i]);
        }
        assertEquals(n, z.size());
        long[] sorted = scores.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < 2_000; k++) {
            int i = random.nextInt(n);
            long rank = z.rank(b("m" + i));
            assertEquals(scores[i], z.score(b("m" + i)));
            assertEquals(scores[i], (long) sorted[(int) rank], "rank of m" + i);
        }
        double[] prev = {Double.NEGATIVE_INFINITY};
        long[] count = {0};
        z.forEach((m, s) -> {
            assertTrue(s >= prev[0]);
            prev[0] = s;
            count[0]++;
        });
        assertEquals(n, count[0]);
        for (int i = 0; i < n; i++) {
            if (i % 10 != 0) {
                assertTrue(z.remove(b("m" + i)));
            }
        }
        assertEquals(n / 10, z.size());
        long[] kept = new long[n / 10];
        for (int i = 0; i < n; i += 10) {
            kept[i / 10] = scores[i];
        }
        Arrays.sort(kept);
        List<Double> window = new ArrayList<>();
        z.range(1_000, 1_009, true, (m, s) -> window.add(s));
        for (int j = 0; j < 10; j++) {
            assertEquals((double) kept[1_009 - j], window.get(j));
        }
        assertEquals(Arrays.stream(kept).filter(x -> x < 500_000_000L).count(), z.countByScore(500_000_000, false));
    }

    private static String pickMember(SplittableRandom random, TreeSet<El> model, Map<String, Double> scores) {
        if (random.nextInt(4) == 0 || scores.isEmpty()) {
            return "absent" + random.nextInt(100);
        }
        List<El> all = new ArrayList<>(model);
        return all.get(random.nextInt(all.size())).member();
    }

    private static void query(ZSetValue z, TreeSet<El> model, SplittableRandom random, String ctx) {
        List<El> all = new ArrayList<>(model);
        if (!all.isEmpty()) {
            El e = all.get(random.nextInt(all.size()));
            assertEquals(all.indexOf(e), z.rank(b(e.member())), ctx);
            assertEquals(e.score(), z.score(b(e.member())), ctx);
        }
        assertEquals(-1, z.rank(b("absent")), ctx);
        assertNull(z.score(b("absent")), ctx);
        double bound = random.nextInt(1_100) / 4.0 - (random.nextBoolean() ? 0 : 30_000);
        assertEquals(all.stream().filter(x -> x.score() < bound).count(), z.countByScore(bound, false), ctx);
        assertEquals(all.stream().filter(x -> x.score() <= bound).count(), z.countByScore(bound, true), ctx);
        String lex = Integer.toString(random.nextInt(5_000));
        if (all.stream().map(El::score).distinct().count() <= 1) {
            assertEquals(all.stream().filter(x -> x.member().compareTo(lex) < 0).count(), z.countByLex(b(lex), false), ctx);
            assertEquals(all.stream().filter(x -> x.member().compareTo(lex) <= 0).count(), z.countByLex(b(lex), true), ctx);
        }
        long from = random.nextInt(all.size() + 5) - 2;
        long to = from + random.nextInt(300);
        boolean reverse = random.nextBoolean();
        List<El> got = new ArrayList<>();
        z.range(from, to, reverse, (m, s) -> got.add(new El(s, new String(m, StandardCharsets.ISO_8859_1))));
        List<El> want = new ArrayList<>();
        for (long r = Math.max(0, from); r <= Math.min(all.size() - 1, to); r++) {
            want.add(all.get((int) r));
        }
        if (reverse) {
            java.util.Collections.reverse(want);
        }
        assertEquals(want, got, ctx + " range " + from + ".." + to + (reverse ? " rev" : ""));
    }

    // --- scan ---------------------------------------------------------------------------------------

    @Test
    void scan_returnsEveryMemberPresentThroughout_whileTheSetGrowsAndShrinks() {
        ZSetValue z = new ZSetValue();
        for (int i = 0; i < 5_000; i++) {
            z.add(b("k" + i), i);
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int round = 0;
        do {
            cursor = z.scan(cursor, 50, (m, s) -> {
                assertEquals(z.score(m), s);
                seen.add(new String(m, StandardCharsets.ISO_8859_1));
            });
            for (int i = 0; i < 30; i++) {
                z.add(b("new" + round + "-" + i), round);
            }
            if (round % 3 == 0) {
                for (int i = 0; i < 200; i++) {
                    z.remove(b("new" + (round - 1) + "-" + i));
                }
            }
            round++;
        } while (cursor != 0);
        for (int i = 0; i < 5_000; i++) {
            assertTrue(seen.contains("k" + i), "k" + i);
        }
    }

    @Test
    void scan_ofAListpack_answersEverythingWithCursorZero() {
        ZSetValue z = new ZSetValue();
        z.add(b("a"), 2);
        z.add(b("b"), 1);
        List<String> got = new ArrayList<>();
        assertEquals(0, z.scan(0, 1, (m, s) -> got.add(new String(m, StandardCharsets.US_ASCII) + "=" + s)));
        assertEquals(List.of("b=1.0", "a=2.0"), got);
    }

    @Test
    void codec_roundTripsScoresBitForBit() {
        ZSetValue z = new ZSetValue();
        double[] scores = {-2.5, Double.MIN_VALUE, 1.1, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < scores.length; i++) {
            z.add(b("m" + i), scores[i]);
        }
        byte[] bytes = ValueCodec.encode(z);
        ZSetValue back = (ZSetValue) ValueCodec.decode(Type.ZSET, bytes);
        for (int i = 0; i < scores.length; i++) {
            assertEquals(Double.doubleToRawLongBits(scores[i]), Double.doubleToRawLongBits(back.score(b("m" + i))));
        }
        assertArrayEquals(bytes, ValueCodec.encode(back));
        assertThrows(IllegalArgumentException.class,
                () -> ValueCodec.decode(Type.ZSET, Arrays.copyOf(bytes, bytes.length - 3)));
    }

    private static List<String> members(ZSetValue z) {
        List<String> out = new ArrayList<>();
        z.forEach((m, s) -> out.add(new String(m, StandardCharsets.ISO_8859_1)));
        return out;
    }

    private static List<El> elements(ZSetValue z) {
        List<El> out = new ArrayList<>();
        z.forEach((m, s) -> out.add(new El(s, new String(m, StandardCharsets.ISO_8859_1))));
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
