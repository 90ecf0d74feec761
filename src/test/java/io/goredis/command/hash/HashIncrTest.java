package io.goredis.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * HINCRBY and HINCRBYFLOAT: arithmetic, the stored text (INCRBYFLOAT's long double formatting),
 * and every error in Redis's order. Expected literals are redis-server 7.0.15's.
 */
class HashIncrTest extends HashTestBase {

    @Test
    void hincrby_absentFieldOrKey_startsAtZero() {
        assertEquals(":5", run("HINCRBY", "h", "n", "5"));
        assertEquals(":-2", run("HINCRBY", "h", "n", "-7"));
        assertEquals(":1", run("HINCRBY", "h", "m", "1"));
        assertEquals("%2 $n $-2 $m $1", run("HGETALL", "h"));
    }

    @Test
    void hincrby_limits() {
        assertEquals(":9223372036854775807", run("HINCRBY", "h", "z", "9223372036854775807"));
        assertEquals("-ERR increment or decrement would overflow", run("HINCRBY", "h", "z", "1"));
        assertEquals(":-1", run("HINCRBY", "h", "z", "-9223372036854775808"));
        assertEquals(":-9223372036854775808", run("HINCRBY", "h", "z", "-9223372036854775807"));
        assertEquals("-ERR increment or decrement would overflow", run("HINCRBY", "h", "z", "-1"));
        assertEquals("$-9223372036854775808", run("HGET", "h", "z"));
    }

    @Test
    void hincrby_badIncrement_notAnInteger_beforeTheKeyIsLookedUp() {
        run("SET", "s", "x");
        for (String incr : new String[] {"", "+1", "01", " 1", "1 ", "9223372036854775808", "1.5", "x"}) {
            assertEquals("-ERR value is not an integer or out of range", run("HINCRBY", "s", "f", incr), incr);
        }
        assertFalse(entry("h").isPresent());
    }

    @Test
    void hincrby_storedValueNotStrictInteger() {
        run("HSET", "h", "sp", " 5", "lead", "05", "neg", "-0", "plus", "+5", "big", "9223372036854775808",
                "e", "", "f", "1.5", "x", "abc");
        long version = entry("h").orElseThrow().version();
        for (String field : new String[] {"sp", "lead", "neg", "plus", "big", "e", "f", "x"}) {
            assertEquals("-ERR hash value is not an integer", run("HINCRBY", "h", field, "1"), field);
        }
        assertEquals(version, entry("h").orElseThrow().version());
        assertEquals("$05", run("HGET", "h", "lead"));
    }

    @Test
    void hincrbyfloat_formatsAsIncrByFloat() {
        run("HSET", "h", "a", "10.50", "b", "5.0e3", "c", "0x10", "d", "-0", "e", "1", "i", "3.0e3",
                "lead", "05", "plus", "+5", "big", "9223372036854775808");
        assertEquals("$10.6", run("HINCRBYFLOAT", "h", "a", "0.1"));
        assertEquals("$5200", run("HINCRBYFLOAT", "h", "b", "2.0e2"));
        assertEquals("$17", run("HINCRBYFLOAT", "h", "c", "1"));
        assertEquals("$0", run("HINCRBYFLOAT", "h", "d", "0"));
        assertEquals("$1.125", run("HINCRBYFLOAT", "h", "e", "0x1p-3"));
        assertEquals("$6", run("HINCRBYFLOAT", "h", "lead", "1"));
        assertEquals("$6", run("HINCRBYFLOAT", "h", "plus", "1"));
        assertEquals("$9223372036854775809", run("HINCRBYFLOAT", "h", "big", "1"));
        assertEquals("$1.23456789012345679", run("HINCRBYFLOAT", "h", "new", "1.23456789012345678901"));
        assertEquals("$0", run("HINCRBYFLOAT", "h", "new2", "-0.0"));
        assertEquals("$5010.60000000000000009", run("HINCRBYFLOAT", "h", "i", "2010.6e0"));
        assertEquals("$5010.60003000000000029", run("HINCRBYFLOAT", "h", "i", "3.0e-5"));
        assertEquals("$5010.60003000000000029", run("HGET", "h", "i"));
        // the same text INCRBYFLOAT stores
        run("SET", "s", "3.0e3");
        run("INCRBYFLOAT", "s", "2010.6e0");
        assertEquals(run("GET", "s"), "$5010.60000000000000009");
    }

    @Test
    void hincrbyfloat_errorsInRedisOrder() {
        run("SET", "s", "x");
        assertEquals("-ERR value is not a valid float", run("HINCRBYFLOAT", "s", "f", "x"));
        assertEquals("-ERR value is not a valid float", run("HINCRBYFLOAT", "s", "f", "nan"));
        assertEquals("-ERR value is not a valid float", run("HINCRBYFLOAT", "s", "f", " 1"));
        assertEquals("-ERR value is not a valid float", run("HINCRBYFLOAT", "s", "f", "1e"));
        assertEquals("-ERR value is not a valid float", run("HINCRBYFLOAT", "s", "f", ""));
        assertEquals("-ERR value is not a valid float", run("HINCRBYFLOAT", "s", "f", "1e5000"));
        assertEquals("-ERR value is NaN or Infinity", run("HINCRBYFLOAT", "s", "f", "inf"));
        assertEquals("-ERR value is NaN or Infinity", run("HINCRBYFLOAT", "nosuch", "f", "-Infinity"));
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value",
                run("HINCRBYFLOAT", "s", "f", "1"));
        assertFalse(entry("nosuch").isPresent());

        run("HSET", "h", "sp", " 1", "e", "", "tiny", "1e-5000", "x", "abc", "inf", "inf");
        long version = entry("h").orElseThrow().version();
        for (String field : new String[] {"sp", "e", "tiny", "x"}) {
            assertEquals("-ERR hash value is not a float", run("HINCRBYFLOAT", "h", field, "1"), field);
        }
        assertEquals("-ERR increment would produce NaN or Infinity", run("HINCRBYFLOAT", "h", "inf", "1"));
        run("HSET", "h", "max", "1.1e4932");
        assertEquals("-ERR increment would produce NaN or Infinity", run("HINCRBYFLOAT", "h", "max", "1.1e4932"));
        assertTrue(entry("h").orElseThrow().version() > version); // only the HSET wrote
        assertEquals("$1.1e4932", run("HGET", "h", "max"));
    }

    @Test
    void incr_longResult_convertsToHashtable() {
        run("HSET", "h", "a", "1");
        run("HINCRBYFLOAT", "h", "a", "1e70");
        assertEquals("hashtable", hash("h").encoding()); // 71 digits: past hash-max-listpack-value
    }
}
