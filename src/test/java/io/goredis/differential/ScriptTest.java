package io.goredis.differential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's own parts: inline splitting, script parsing, reply reading and comparing. */
class ScriptTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void split_quotingLikeRedisCli() {
        List<byte[]> a = InlineSplitter.split("SET \"a b\\r\\n\\x00\\xff\" 'it\\'s' plain  ");
        assertEquals(4, a.size());
        assertArrayEquals(b("SET"), a.get(0));
        assertArrayEquals(b("a b\r\n\u0000\u00ff"), a.get(1));
        assertArrayEquals(b("it's"), a.get(2));
        assertArrayEquals(b(""), InlineSplitter.split("GET \"\"").get(1));
    }

    @Test
    void split_unbalancedQuotes_rejected() {
        assertThrows(IllegalArgumentException.class, () -> InlineSplitter.split("GET \"a"));
        assertThrows(IllegalArgumentException.class, () -> InlineSplitter.split("GET 'a"));
        assertThrows(IllegalArgumentException.class, () -> InlineSplitter.split("GET \"a\"b"));
    }

    @Test
    void parse_directivesApplyToNextCommandOnly() {
        Script s = Script.parse("t", "# comment\n@approx 2\nTTL k\nTTL k\n@repeat 3\nSET k ab\n@sleep 5\n@conn 2\n"
                + "@raw 1 \"PING\\r\\n\"\n@unknown\nLPUSH l a\n@pending not yet\nGET k\n");
        assertNull(s.pendingReason());
        Script.Command ttl = (Script.Command) s.steps().get(0);
        assertEquals(Script.Mode.APPROX, ttl.mode());
        assertEquals(2, ttl.tolerance());
        assertEquals(Script.Mode.EXACT, ((Script.Command) s.steps().get(1)).mode());
        assertArrayEquals(b("ababab"), ((Script.Command) s.steps().get(2)).args().get(2));
        assertInstanceOf(Script.Sleep.class, s.steps().get(3));
        assertEquals(2, ((Script.Conn) s.steps().get(4)).index());
        assertArrayEquals(b("PING\r\n"), ((Script.Raw) s.steps().get(5)).bytes());
        assertEquals(Script.Mode.UNKNOWN, ((Script.Command) s.steps().get(6)).mode());
        assertEquals("not yet", ((Script.Command) s.steps().get(7)).pending());
    }

    @Test
    void parse_pendingBeforeFirstCommand_pendsTheScript() {
        assertEquals("later", Script.parse("t", "@pending later\nGET k\n").pendingReason());
        assertThrows(IllegalArgumentException.class, () -> Script.parse("t", "@pending\nGET k\n"));
        assertThrows(IllegalArgumentException.class, () -> Script.parse("t", "@nosuch\n"));
    }

    @Test
    void read_resp3TypesWithRawBytes() throws Exception {
        String wire = "%1\r\n$1\r\nk\r\n*3\r\n_\r\n,1.5\r\n=7\r\ntxt:a\r\n\r\n+OK\r\n";
        RespReplyReader r = new RespReplyReader(new ByteArrayInputStream(b(wire)));
        RespReply map = r.read();
        assertEquals('%', map.type());
        assertEquals(2, map.children().size());
        assertEquals(3, map.children().get(1).children().size());
        assertArrayEquals(b("%1\r\n$1\r\nk\r\n*3\r\n_\r\n,1.5\r\n=7\r\ntxt:a\r\n\r\n"), map.raw());
        assertEquals("OK", r.read().text());
        assertThrows(EOFException.class, r::read);
    }

    private static RespReply reply(String wire) throws Exception {
        return new RespReplyReader(new ByteArrayInputStream(b(wire))).read();
    }

    @Test
    void compare_modes() throws Exception {
        assertNull(ReplyComparator.compare(Script.Mode.APPROX, 1, reply(":100\r\n"), reply(":99\r\n")));
        assertTrue(ReplyComparator.compare(Script.Mode.APPROX, 1, reply(":100\r\n"), reply(":98\r\n")) != null);
        assertNull(ReplyComparator.compare(Script.Mode.UNORDERED, 0,
                reply("*2\r\n$1\r\na\r\n$1\r\nb\r\n"), reply("*2\r\n$1\r\nb\r\n$1\r\na\r\n")));
        assertNull(ReplyComparator.compare(Script.Mode.SHAPE, 0,
                reply("%1\r\n$2\r\nid\r\n:3\r\n"), reply("%1\r\n$2\r\nid\r\n:42\r\n")));
        assertTrue(ReplyComparator.compare(Script.Mode.SHAPE, 0,
                reply("%1\r\n$2\r\nid\r\n:3\r\n"), reply("%1\r\n$2\r\nix\r\n:3\r\n")) != null);
        assertNull(ReplyComparator.compare(Script.Mode.TYPE, 0, reply(":1\r\n"), reply(":2\r\n")));
    }

    @Test
    void compare_fields_subsetOfRedisNames() throws Exception {
        String redis = "# Server\r\nredis_version:7.0.15\r\nrun_id:abc\r\nexecutable:/x\r\n\r\n# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n";
        String good = "# Server\r\nredis_version:7.0.15\r\nrun_id:def\r\ngoredis_store:memory\r\n\r\n# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=7\r\n";
        String invented = "# Server\r\nredis_version:7.0.15\r\nrun_id:def\r\njava_version:25\r\n\r\n# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n";
        String wrongCount = "# Server\r\nredis_version:7.0.15\r\nrun_id:def\r\n\r\n# Keyspace\r\ndb0:keys=2,expires=0,avg_ttl=0\r\n";
        assertNull(ReplyComparator.compare(Script.Mode.FIELDS, 0, bulk(redis), bulk(good)));
        assertTrue(ReplyComparator.compare(Script.Mode.FIELDS, 0, bulk(redis), bulk(invented)).contains("java_version"));
        assertTrue(ReplyComparator.compare(Script.Mode.FIELDS, 0, bulk(redis), bulk(wrongCount)).contains("Keyspace"));
    }

    private static RespReply bulk(String text) throws Exception {
        return reply("$" + text.length() + "\r\n" + text + "\r\n");
    }

    @Test
    void unknownCommand_wordedLikeRedis() {
        RespReply r = ReplyComparator.unknownCommand(List.of(b("LPUSH"), b("a\r\nb"), b("c")));
        assertEquals("ERR unknown command 'LPUSH', with args beginning with: 'a  b' 'c' ", r.text());
        assertEquals("ERR unknown command 'X', with args beginning with: ",
                ReplyComparator.unknownCommand(List.of(b("X"))).text());
    }
}
