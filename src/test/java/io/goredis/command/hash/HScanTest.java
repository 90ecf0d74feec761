package io.goredis.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** HSCAN: both encodings, MATCH and COUNT, the scan guarantee under writes, Redis's order of errors. */
class HScanTest extends HashTestBase {

    private void fill(String key, int n) {
        List<String> cmd = new ArrayList<>(List.of("HSET", key));
        for (int i = 0; i < n; i++) {
            cmd.add("f" + i);
            cmd.add("v" + i);
        }
        run(cmd.toArray(String[]::new));
    }

    /** One HSCAN call: {next cursor, fields and values}. */
    private Object[] page(String... words) {
        Reply.ArrayReply r = (Reply.ArrayReply) ctx.run(words);
        long cursor = Long.parseUnsignedLong(s(((Reply.BulkReply) r.items().get(0)).value()));
        List<String> items = new ArrayList<>();
        for (Reply item : ((Reply.ArrayReply) r.items().get(1)).items()) {
            items.add(s(((Reply.BulkReply) item).value()));
        }
        return new Object[] {cursor, items};
    }

    @SuppressWarnings("unchecked")
    private Set<String> scanAll(String key, String... options) {
        Set<String> fields = new HashSet<>();
        long cursor = 0;
        int calls = 0;
        do {
            List<String> cmd = new ArrayList<>(List.of("HSCAN", key, Long.toUnsignedString(cursor)));
            cmd.addAll(List.of(options));
            Object[] p = page(cmd.toArray(String[]::new));
            cursor = (long) p[0];
            List<String> items = (List<String>) p[1];
            for (int i = 0; i < items.size(); i += 2) {
                fields.add(items.get(i));
                assertEquals(items.get(i).replace("f", "v"), items.get(i + 1));
            }
            assertTrue(++calls < 10_000);
        } while (cursor != 0);
        return fields;
    }

    @Test
    void small_everythingAtOnce_whateverTheCursorAndCount() {
        fill("h", 3);
        assertEquals("*2 $0 *6 $f0 $v0 $f1 $v1 $f2 $v2", run("HSCAN", "h", "0"));
        assertEquals("*2 $0 *6 $f0 $v0 $f1 $v1 $f2 $v2", run("HSCAN", "h", "77", "COUNT", "1"));
        assertEquals("*2 $0 *2 $f1 $v1", run("HSCAN", "h", "0", "MATCH", "*1"));
        assertEquals("*2 $0 *6 $f0 $v0 $f1 $v1 $f2 $v2", run("HSCAN", "h", "0", "match", "*", "count", "2"));
        assertEquals("*2 $0 *0", run("HSCAN", "h", "0", "MATCH", "x*"));
    }

    @Test
    void large_loopVisitsEveryField_countBoundsAPage() {
        fill("h", 2000);
        Set<String> all = scanAll("h");
        assertEquals(2000, all.size());
        assertEquals(Set.of("f17", "f27", "f37", "f47", "f57", "f67", "f77", "f87", "f97"),
                scanAll("h", "MATCH", "f?7", "COUNT", "3"));
        assertEquals(10, scanAll("h", "MATCH", "f1?").size());
        Object[] p = page("HSCAN", "h", "0", "COUNT", "5");
        assertTrue(((List<?>) p[1]).size() >= 10 && ((List<?>) p[1]).size() < 40, p[1].toString());
        assertTrue((long) p[0] != 0);
        Object[] everything = page("HSCAN", "h", "0", "COUNT", "9223372036854775807");
        assertEquals(0L, everything[0]);
        assertEquals(4000, ((List<?>) everything[1]).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void large_fieldsPresentThroughout_returnedDespiteWritesBetweenCalls() {
        Random random = new Random(11);
        for (int round = 0; round < rounds(10); round++) {
            run("DEL", "h");
            fill("h", 600 + random.nextInt(1500));
            Set<String> stable = new HashSet<>(scanAll("h"));
            Set<String> seen = new HashSet<>();
            long cursor = 0;
            int added = 0;
            do {
                Object[] p = page("HSCAN", "h", Long.toUnsignedString(cursor), "COUNT", "" + (1 + random.nextInt(40)));
                cursor = (long) p[0];
                List<String> items = (List<String>) p[1];
                for (int i = 0; i < items.size(); i += 2) {
                    seen.add(items.get(i));
                }
                if (random.nextBoolean()) { // grow with fields that are not part of the guarantee
                    for (int i = 0; i < random.nextInt(300); i++) {
                        run("HSET", "h", "x" + added++, "x");
                    }
                } else {
                    for (int i = 0; i < random.nextInt(300) && added > 0; i++) {
                        run("HDEL", "h", "x" + --added);
                    }
                }
            } while (cursor != 0);
            assertTrue(seen.containsAll(stable), "round " + round);
        }
    }

    @Test
    void cursors_parsedAsRedis() {
        fill("h", 2);
        assertEquals("*2 $0 *4 $f0 $v0 $f1 $v1", run("HSCAN", "h", "18446744073709551615"));
        assertEquals("*2 $0 *4 $f0 $v0 $f1 $v1", run("HSCAN", "h", "-1"));
        assertEquals("*2 $0 *4 $f0 $v0 $f1 $v1", run("HSCAN", "h", ""));
        assertEquals("-ERR invalid cursor", run("HSCAN", "h", "18446744073709551616"));
        assertEquals("-ERR invalid cursor", run("HSCAN", "h", "x"));
        assertEquals("-ERR invalid cursor", run("HSCAN", "nosuch", " 1"));
        fill("big", 600); // a large hash masks the cursor to its table, as dictScan
        assertEquals(0L, page("HSCAN", "big", "18446744073709551615")[0]);
    }

    @Test
    void errors_cursorThenKeyThenOptions() {
        run("SET", "s", "x");
        fill("h", 2);
        assertEquals("*2 $0 *0", run("HSCAN", "nosuch", "0", "TYPE", "string"));
        assertEquals("*2 $0 *0", run("HSCAN", "nosuch", "0", "COUNT", "0"));
        assertEquals("*2 $0 *0", run("HSCAN", "nosuch", "0", "bogus"));
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value",
                run("HSCAN", "s", "0", "COUNT", "0"));
        assertEquals("-ERR syntax error", run("HSCAN", "h", "0", "TYPE", "string"));
        assertEquals("-ERR syntax error", run("HSCAN", "h", "0", "TYPE", "string", "COUNT", "x"));
        assertEquals("-ERR syntax error", run("HSCAN", "h", "0", "COUNT", "0"));
        assertEquals("-ERR syntax error", run("HSCAN", "h", "0", "MATCH"));
        assertEquals("-ERR value is not an integer or out of range", run("HSCAN", "h", "0", "COUNT", "x"));
    }

    @Test
    void resp3_sameFlatReply() {
        fill("h", 1);
        ctx.session().protocol(3);
        assertEquals("*2\r\n$1\r\n0\r\n*2\r\n$2\r\nf0\r\n$2\r\nv0\r\n", wire("HSCAN", "h", "0"));
        assertEquals("*2\r\n$1\r\n0\r\n*0\r\n", wire("HSCAN", "nosuch", "0"));
    }

    @Test
    void countsKeyspaceHitsAndMisses() {
        fill("h", 1);
        run("HSCAN", "h", "0");
        run("HSCAN", "nosuch", "0");
        run("HSCAN", "nosuch", "0", "COUNT", "0");
        assertEquals(1, hits());
        assertEquals(2, misses());
    }
}
