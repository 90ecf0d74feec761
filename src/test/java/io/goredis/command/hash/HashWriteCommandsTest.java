package io.goredis.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.store.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HSET HMSET HSETNX HDEL: replies as redis-server 7.0.15 gives them, and what a differential script
 * cannot see: versions (which writes are writes), stored expiries, encodings, emptied keys.
 */
class HashWriteCommandsTest extends HashTestBase {

    @Test
    void hset_countsNewFields_hmsetAnswersOk() {
        assertEquals(":2", run("HSET", "h", "a", "1", "b", "2"));
        assertEquals(":1", run("HSET", "h", "a", "3", "c", "4"));
        assertEquals(":0", run("HSET", "h", "a", "1", "a", "5")); // the same field twice: the last wins
        assertEquals("$5", run("HGET", "h", "a"));
        assertEquals("+OK", run("HMSET", "h", "d", "6", "a", "7"));
        assertEquals("%4 $a $7 $b $2 $c $4 $d $6", run("HGETALL", "h"));
    }

    @Test
    void hset_oddPairs_arityErrorWithTheCommandsName() {
        assertEquals("-ERR wrong number of arguments for 'hset' command", run("HSET", "h", "a", "1", "b"));
        assertEquals("-ERR wrong number of arguments for 'hmset' command", run("HMSET", "h", "a", "1", "b"));
        assertFalse(entry("h").isPresent());
    }

    @Test
    void hset_existingValueAgain_stillAWrite() {
        run("HSET", "h", "a", "1");
        long version = entry("h").orElseThrow().version();
        assertEquals(":0", run("HSET", "h", "a", "1"));
        assertTrue(entry("h").orElseThrow().version() > version); // as Redis: signalModifiedKey
    }

    @Test
    void hsetnx_setsOnlyAbsentFields() {
        assertEquals(":1", run("HSETNX", "h", "a", "1"));
        long version = entry("h").orElseThrow().version();
        assertEquals(":0", run("HSETNX", "h", "a", "2"));
        assertEquals(version, entry("h").orElseThrow().version());
        assertEquals(":1", run("HSETNX", "h", "b", "2"));
        assertEquals("*2 $1 $2", run("HMGET", "h", "a", "b"));
    }

    @Test
    void writes_keepTheExpiry() {
        run("HSET", "h", "a", "1");
        store.update(0, b("h"), cur -> Decision.put(
                cur.orElseThrow().value(), now + 5000, null));
        run("HSET", "h", "b", "2");
        run("HSETNX", "h", "c", "3");
        run("HDEL", "h", "a");
        run("HINCRBY", "h", "n", "1");
        run("HINCRBYFLOAT", "h", "f", "1.5");
        assertEquals(now + 5000, entry("h").orElseThrow().expireAtMillis());
    }

    @Test
    void hset_binaryAndEmptyFieldsAndValues() {
        List<byte[]> argv = new ArrayList<>(List.of(b("HSET"), b("h"), new byte[0], b("empty-field"),
                new byte[] {0, (byte) 0xff, '\r', '\n'}, new byte[0]));
        assertEquals(":2", run(argv));
        assertEquals("$empty-field", run(List.of(b("HGET"), b("h"), new byte[0])));
        assertEquals("$", run(List.of(b("HGET"), b("h"), new byte[] {0, (byte) 0xff, '\r', '\n'})));
        assertEquals(":0", run(List.of(b("HSTRLEN"), b("h"), new byte[] {0, (byte) 0xff, '\r', '\n'})));
        assertEquals(":1", run(List.of(b("HEXISTS"), b("h"), new byte[] {0, (byte) 0xff, '\r', '\n'})));
        assertEquals("$-1", run(List.of(b("HGET"), b("h"), new byte[] {0})));
    }

    @Test
    void hset_convertsAtRedisLimits() {
        List<String> cmd = new ArrayList<>(List.of("HSET", "h"));
        for (int i = 0; i < 512; i++) {
            cmd.add("f" + i);
            cmd.add("v");
        }
        run(cmd.toArray(String[]::new));
        assertEquals("listpack", hash("h").encoding());
        run("HSET", "h", "f512", "v");
        assertEquals("hashtable", hash("h").encoding());
        assertEquals(":513", run("HLEN", "h"));

        run("HSET", "small", "a", "x".repeat(64));
        assertEquals("listpack", hash("small").encoding());
        run("HSET", "small", "b", "x".repeat(65));
        assertEquals("hashtable", hash("small").encoding());
    }

    @Test
    void hdel_countsRemoved_deletesTheEmptiedKey() {
        run("HSET", "h", "a", "1", "b", "2", "c", "3");
        assertEquals(":2", run("HDEL", "h", "a", "zz", "a", "b"));
        assertEquals("%1 $c $3", run("HGETALL", "h"));
        assertEquals(":1", run("HDEL", "h", "c", "d"));
        assertFalse(entry("h").isPresent());
        assertEquals(":0", run("EXISTS", "h"));
    }

    @Test
    void hdel_nothingRemoved_leavesTheKeyUntouched() {
        run("HSET", "h", "a", "1");
        long version = entry("h").orElseThrow().version();
        assertEquals(":0", run("HDEL", "h", "x", "y"));
        assertEquals(version, entry("h").orElseThrow().version());
    }

    @Test
    void hdel_largeHashToEmpty_deletesTheKey() {
        for (int i = 0; i < 700; i++) {
            run("HSET", "h", "f" + i, "v");
        }
        List<String> cmd = new ArrayList<>(List.of("HDEL", "h"));
        for (int i = 0; i < 700; i++) {
            cmd.add("f" + i);
        }
        assertEquals(":700", run(cmd.toArray(String[]::new)));
        assertFalse(entry("h").isPresent());
    }
}
