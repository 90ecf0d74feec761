package io.goredis.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * HRANDFIELD in every count form, on both encodings, in RESP2 and RESP3, with Redis's errors.
 * Random replies are checked for what they promise: membership, distinctness, size, values.
 */
class HRandFieldTest extends HashTestBase {

    /** A hash of {@code n} fields f0.. with values v0.. (a listpack up to 512, then a hashtable). */
    private void fill(int n) {
        List<String> cmd = new ArrayList<>(List.of("HSET", "h"));
        for (int i = 0; i < n; i++) {
            cmd.add("f" + i);
            cmd.add("v" + i);
        }
        run(cmd.toArray(String[]::new));
    }

    private List<String> items(String... words) {
        Reply r = ctx.run(words);
        List<String> out = new ArrayList<>();
        for (Reply item : ((Reply.ArrayReply) r).items()) {
            out.add(show(item));
        }
        return out;
    }

    @Test
    void noCount_oneFieldOrNil() {
        assertEquals("$-1", run("HRANDFIELD", "nosuch"));
        fill(3);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(run("HRANDFIELD", "h"));
        }
        assertEquals(Set.of("$f0", "$f1", "$f2"), seen);
        ctx.session().protocol(3);
        assertEquals("_\r\n", wire("HRANDFIELD", "nosuch"));
    }

    @Test
    void zeroOrAbsent_emptyArray() {
        assertEquals("*0", run("HRANDFIELD", "nosuch", "5"));
        assertEquals("*0", run("HRANDFIELD", "nosuch", "-5", "WITHVALUES"));
        fill(3);
        assertEquals("*0", run("HRANDFIELD", "h", "0"));
        assertEquals("*0", run("HRANDFIELD", "h", "0", "withvalues"));
    }

    @Test
    void positiveCount_distinctFields_atMostTheSize() {
        for (int size : new int[] {5, 40, 600}) {
            run("DEL", "h");
            fill(size);
            for (long count : new long[] {1, 2, size / 4 + 1, size / 2, size - 1, size, size + 1, 1L << 40}) {
                for (int round = 0; round < rounds(20); round++) {
                    List<String> got = items("HRANDFIELD", "h", Long.toString(count));
                    assertEquals(Math.min(count, size), got.size(), size + "/" + count);
                    assertEquals(got.size(), new HashSet<>(got).size(), "repeated: " + got);
                    got.forEach(f -> assertTrue(f.matches("\\$f\\d+") && Integer.parseInt(f.substring(2)) < size, f));
                }
            }
        }
    }

    @Test
    void positiveCount_atLeastTheSize_wholeHashInItsOrder() {
        fill(4);
        assertEquals("*4 $f0 $f1 $f2 $f3", run("HRANDFIELD", "h", "4"));
        assertEquals("*8 $f0 $v0 $f1 $v1 $f2 $v2 $f3 $v3", run("HRANDFIELD", "h", "100", "WITHVALUES"));
    }

    @Test
    void positiveCount_everySubsetPossible() {
        fill(6);
        Map<String, Integer> subsets = new HashMap<>();
        for (int i = 0; i < rounds(3000); i++) {
            List<String> got = items("HRANDFIELD", "h", "3"); // 3*3 > 6: selection sampling
            List<String> sorted = new ArrayList<>(got);
            sorted.sort(null);
            subsets.merge(String.join(",", sorted), 1, Integer::sum);
        }
        assertEquals(20, subsets.size(), subsets::toString); // C(6,3)
    }

    @Test
    void negativeCount_repeats_exactlyThatMany() {
        for (int size : new int[] {1, 3, 600}) {
            run("DEL", "h");
            fill(size);
            List<String> got = items("HRANDFIELD", "h", "-20000");
            assertEquals(20000, got.size());
            assertEquals(size, new HashSet<>(got).size()); // 20000 picks see all (600: 1 - 600 e^-33)
        }
    }

    @Test
    void withValues_pairsMatch_resp2FlatResp3Nested() {
        fill(600);
        for (String count : new String[] {"-50", "50", "300", "1", "-1"}) {
            List<String> flat = items("HRANDFIELD", "h", count, "WITHVALUES");
            assertEquals(2 * Math.abs(Integer.parseInt(count)), flat.size());
            for (int i = 0; i < flat.size(); i += 2) {
                assertEquals(flat.get(i).replace("$f", "$v"), flat.get(i + 1));
            }
        }
        ctx.session().protocol(3);
        for (String count : new String[] {"-50", "50", "300", "1", "-1"}) {
            List<String> pairs = items("HRANDFIELD", "h", count, "WITHVALUES");
            assertEquals(Math.abs(Integer.parseInt(count)), pairs.size());
            for (String pair : pairs) {
                String[] p = pair.split(" ");
                assertEquals("*2", p[0]);
                assertEquals(p[1].replace("$f", "$v"), p[2]);
            }
        }
        run("DEL", "h");
        fill(2);
        assertEquals("*2\r\n*2\r\n$2\r\nf0\r\n$2\r\nv0\r\n*2\r\n$2\r\nf1\r\n$2\r\nv1\r\n",
                wire("HRANDFIELD", "h", "2", "WITHVALUES"));
        assertEquals("*2\r\n$2\r\nf0\r\n$2\r\nf1\r\n", wire("HRANDFIELD", "h", "2"));
    }

    @Test
    void errors_asRedis_countCheckedBeforeTheKey() {
        run("SET", "s", "x");
        assertEquals("-ERR value is not an integer or out of range", run("HRANDFIELD", "s", "x"));
        assertEquals("-ERR value is not an integer or out of range", run("HRANDFIELD", "s", "x", "a", "b"));
        assertEquals("-ERR syntax error", run("HRANDFIELD", "s", "1", "foo"));
        assertEquals("-ERR syntax error", run("HRANDFIELD", "s", "1", "withvalues", "x"));
        assertEquals("-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807",
                run("HRANDFIELD", "s", "-9223372036854775808"));
        assertEquals("-ERR value is out of range", run("HRANDFIELD", "s", "-9223372036854775807", "WITHVALUES"));
        assertEquals("-ERR value is out of range", run("HRANDFIELD", "s", "4611686018427387904", "WITHVALUES"));
        assertEquals("-ERR value is out of range", run("HRANDFIELD", "s", "-4611686018427387904", "WITHVALUES"));
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value",
                run("HRANDFIELD", "s", "4611686018427387903", "WITHVALUES"));
        assertEquals("*0", run("HRANDFIELD", "nosuch", "-4611686018427387903", "WITHVALUES"));
        assertEquals("*0", run("HRANDFIELD", "nosuch", "-9223372036854775807"));
    }

    @Test
    void hugeNegativeCount_onAHash_refusedNotBuilt() {
        fill(2);
        String reply = run("HRANDFIELD", "h", "-9223372036854775807");
        assertTrue(reply.startsWith("-ERR count is out of range"), reply);
    }

    @Test
    void countsKeyspaceHitsAndMisses() {
        fill(2);
        run("HRANDFIELD", "h");
        run("HRANDFIELD", "h", "-3");
        run("HRANDFIELD", "nosuch");
        run("HRANDFIELD", "nosuch", "2");
        assertEquals(2, hits());
        assertEquals(2, misses());
    }
}
