package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.command.CommandException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

    @Test
    void scan_emptyDb() {
        assertEquals("[\"0\", []]", f.run("SCAN", "0"));
    }

    @Test
    void scan_iteratesEveryKey() {
        Set<String> want = new HashSet<>();
        f.setMany("k", 95);
        for (int i = 0; i < 95; i++) {
            want.add("\"k" + i + "\"");
        }
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int calls = 0;
        do {
            String r = f.run("SCAN", cursor, "COUNT", "7");
            // ["<cursor>", [keys...]]
            cursor = r.substring(2, r.indexOf('"', 2));
            String keys = r.substring(r.indexOf('[', 1) + 1, r.length() - 2);
            if (!keys.isEmpty()) {
                seen.addAll(Set.of(keys.split(", ")));
            }
            calls++;
        } while (!cursor.equals("0"));
        assertEquals(want, seen);
        assertTrue(calls > 1, "COUNT 7 over 95 keys should take several calls");
    }

    @Test
    void scan_match() {
        f.set("user:1", "v");
        f.set("user:2", "v");
        f.set("order:1", "v");
        assertEquals(KeysTest.sorted("user:1", "user:2"), keysOf(f.run("SCAN", "0", "MATCH", "user:*", "COUNT", "100")));
        assertEquals(0, f.hits() + f.misses());
    }

    @Test
    void scan_typeFilter() {
        f.set("a", "v");
        f.set("b", "v");
        // redis-server 7.0: SCAN 0 TYPE string -> both keys, keyspace_hits +2 (one lookup per key)
        assertEquals(KeysTest.sorted("a", "b"), keysOf(f.run("SCAN", "0", "TYPE", "STRING")));
        assertEquals(2, f.hits());
        assertEquals("[\"0\", []]", f.run("SCAN", "0", "TYPE", "list"));
        assertEquals("[\"0\", []]", f.run("SCAN", "0", "TYPE", "foo"));
    }

    @Test
    void scan_typeCountsOnlyKeysPassingMatch() {
        f.set("a", "v");
        f.set("b", "v");
        f.run("SCAN", "0", "MATCH", "a", "TYPE", "string");
        assertEquals(1, f.hits());
    }

    @Test
    void scan_optionErrors() {
        // texts from redis-server 7.0.15
        assertEquals("-ERR syntax error", f.run("SCAN", "0", "COUNT", "0"));
        assertEquals("-ERR syntax error", f.run("SCAN", "0", "COUNT", "-1"));
        assertEquals("-ERR value is not an integer or out of range", f.run("SCAN", "0", "COUNT", "abc"));
        assertEquals("-ERR syntax error", f.run("SCAN", "0", "COUNT"));
        assertEquals("-ERR syntax error", f.run("SCAN", "0", "MATCH"));
        assertEquals("-ERR syntax error", f.run("SCAN", "0", "TYPE"));
        assertEquals("-ERR syntax error", f.run("SCAN", "0", "foo", "bar"));
        assertEquals("-ERR syntax error", f.run("SCAN", "0", "COUNT", "5", "MATCH"));
    }

    @Test
    void scan_invalidCursorBeforeOptions() {
        assertEquals("-ERR invalid cursor", f.run("SCAN", "abc", "COUNT", "0"));
    }

    @Test
    void scan_cursorParsing() {
        // redis-server 7.0: "abc", " 0", "18446744073709551616" -> ERR invalid cursor;
        // "+0" and "" -> a scan from 0; "-1" and 18446744073709551615 -> "0" and no keys.
        f.set("k", "v");
        assertEquals("-ERR invalid cursor", f.run("SCAN", "abc"));
        assertEquals("-ERR invalid cursor", f.run("SCAN", " 0"));
        assertEquals("-ERR invalid cursor", f.run("SCAN", "18446744073709551616"));
        assertEquals("-ERR invalid cursor", f.run("SCAN", "1x"));
        assertEquals("-ERR invalid cursor", f.run("SCAN", "-"));
        assertEquals("-ERR invalid cursor", f.run("SCAN", "+"));
        assertEquals("[\"0\", [\"k\"]]", f.run("SCAN", "+0"));
        assertEquals("[\"0\", [\"k\"]]", f.run("SCAN", ""));
        assertEquals("[\"0\", [\"k\"]]", f.run("SCAN", "00"));
        assertEquals("[\"0\", []]", f.run("SCAN", "-1"));
        assertEquals("[\"0\", []]", f.run("SCAN", "18446744073709551615"));
    }

    @Test
    void parseCursor_unsignedRange() {
        assertEquals(0, Scan.parseCursor(KeysFixture.bytes("0")));
        assertEquals(Long.MAX_VALUE, Scan.parseCursor(KeysFixture.bytes("9223372036854775807")));
        assertEquals(Long.MIN_VALUE, Scan.parseCursor(KeysFixture.bytes("9223372036854775808")));
        assertEquals(-1L, Scan.parseCursor(KeysFixture.bytes("18446744073709551615")));
        assertEquals(-5L, Scan.parseCursor(KeysFixture.bytes("-5")));
        assertEquals(1L, Scan.parseCursor(KeysFixture.bytes("-18446744073709551615")));
        assertThrows(CommandException.class, () -> Scan.parseCursor(KeysFixture.bytes("99999999999999999999")));
    }

    @Test
    void scan_skipsExpired() {
        f.set(0, "gone", "v", f.now + 1);
        f.set("kept", "v");
        f.clock.advanceMillis(2);
        assertEquals("[\"0\", [\"kept\"]]", f.run("SCAN", "0"));
    }

    private static java.util.List<String> keysOf(String reply) {
        String keys = reply.substring(reply.indexOf('[', 1), reply.length() - 1);
        return KeysTest.sortedReply(keys);
    }
}
