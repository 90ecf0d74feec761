package io.goredis.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * HGET HMGET HGETALL HKEYS HVALS HLEN HSTRLEN HEXISTS: absent keys and fields, keyspace hits and
 * misses, RESP2 and RESP3 encodings, and one order for HGETALL, HKEYS and HVALS.
 */
class HashReadCommandsTest extends HashTestBase {

    @Test
    void reads_absentKey() {
        assertEquals("$-1", run("HGET", "nosuch", "a"));
        assertEquals("*2 $-1 $-1", run("HMGET", "nosuch", "a", "b"));
        assertEquals("%0", run("HGETALL", "nosuch"));
        assertEquals("*0", run("HKEYS", "nosuch"));
        assertEquals("*0", run("HVALS", "nosuch"));
        assertEquals(":0", run("HLEN", "nosuch"));
        assertEquals(":0", run("HSTRLEN", "nosuch", "a"));
        assertEquals(":0", run("HEXISTS", "nosuch", "a"));
        assertEquals(":0", run("HDEL", "nosuch", "a"));
        assertEquals(8, misses());
        assertEquals(0, hits());
    }

    @Test
    void reads_presentKey_countHits() {
        run("HSET", "h", "b", "22", "a", "1");
        assertEquals("$22", run("HGET", "h", "b"));
        assertEquals("$-1", run("HGET", "h", "zz"));
        assertEquals("*3 $1 $-1 $22", run("HMGET", "h", "a", "zz", "b"));
        assertEquals("*2 $b $a", run("HKEYS", "h"));
        assertEquals("*2 $22 $1", run("HVALS", "h"));
        assertEquals(":2", run("HLEN", "h"));
        assertEquals(":2", run("HSTRLEN", "h", "b"));
        assertEquals(":0", run("HSTRLEN", "h", "zz"));
        assertEquals(":1", run("HEXISTS", "h", "a"));
        assertEquals(":0", run("HEXISTS", "h", "zz"));
        assertEquals(10, hits());
        assertEquals(0, misses());
    }

    @Test
    void hgetall_resp2FlatArray_resp3Map() {
        run("HSET", "h", "a", "1", "b", "2");
        assertEquals("*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n", wire("HGETALL", "h"));
        assertEquals("*0\r\n", wire("HGETALL", "nosuch"));
        ctx.session().protocol(3);
        assertEquals("%2\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n", wire("HGETALL", "h"));
        assertEquals("%0\r\n", wire("HGETALL", "nosuch"));
        assertEquals("*1\r\n_\r\n", wire("HMGET", "nosuch", "a"));
        assertEquals("_\r\n", wire("HGET", "h", "zz"));
    }

    @Test
    void hgetallKeysVals_largeHash_sameOrder() {
        for (int i = 0; i < 600; i++) {
            run("HSET", "h", "f" + i, "v" + i);
        }
        String all = run("HGETALL", "h");
        String[] parts = all.substring(all.indexOf(' ') + 1).split(" ");
        StringBuilder keys = new StringBuilder("*600");
        StringBuilder vals = new StringBuilder("*600");
        for (int i = 0; i < parts.length; i += 2) {
            keys.append(' ').append(parts[i]);
            vals.append(' ').append(parts[i + 1]);
            assertEquals(parts[i].replace("$f", "$v"), parts[i + 1]);
        }
        assertEquals(keys.toString(), run("HKEYS", "h"));
        assertEquals(vals.toString(), run("HVALS", "h"));
    }
}
