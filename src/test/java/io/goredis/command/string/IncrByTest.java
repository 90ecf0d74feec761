package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected replies copied from redis-server 7.0.15. */
class IncrByTest extends StringCommandTestBase {

    @Test
    void incr_absentKeyStartsAtZero() {
        assertInt(1, "INCR", "n");
        assertInt(2, "INCR", "n");
        assertEquals("2", stored("n"));
    }

    @Test
    void decr_absentKey() {
        assertInt(-1, "DECR", "n");
    }

    @Test
    void incrby_and_decrby() {
        assertInt(10, "INCRBY", "n", "10");
        assertInt(3, "DECRBY", "n", "7");
        assertInt(-2, "INCRBY", "n", "-5");
    }

    @Test
    void incr_keepsExpiry() {
        assertOk("SET", "n", "5", "EX", "100");
        assertInt(6, "INCR", "n");
        assertEquals(now + 100_000, expireAt("n"));
    }

    @Test
    void incr_notAnIntegerValues() {
        for (String bad : new String[] {" 1", "1 ", "01", "-0", "+1", "1.5", "abc", "", "9223372036854775808"}) {
            assertOk("SET", "n", bad);
            assertError("ERR value is not an integer or out of range", "INCR", "n");
            assertEquals(bad, stored("n"));
        }
    }

    @Test
    void incrby_notAnIntegerIncrement() {
        assertError("ERR value is not an integer or out of range", "INCRBY", "n", "1.5");
        assertError("ERR value is not an integer or out of range", "INCRBY", "n", "9223372036854775808");
        assertEquals(-2, expireAt("n"));
    }

    @Test
    void incr_overflow() {
        assertOk("SET", "n", "9223372036854775807");
        assertError("ERR increment or decrement would overflow", "INCR", "n");
        assertEquals("9223372036854775807", stored("n"));
    }

    @Test
    void decr_underflow() {
        assertInt(Long.MIN_VALUE, "INCRBY", "m", "-9223372036854775808");
        assertError("ERR increment or decrement would overflow", "DECR", "m");
        assertError("ERR increment or decrement would overflow", "DECRBY", "m", "9223372036854775807");
    }

    @Test
    void decrby_minLongCannotBeNegated() {
        assertError("ERR decrement would overflow", "DECRBY", "n", "-9223372036854775808");
    }

    @Test
    void incr_floatValueFromIncrByFloatIsNotAnInteger() {
        assertOk("SET", "n", "123456789.123456789");
        assertError("ERR value is not an integer or out of range", "DECR", "n");
    }

    @Test
    void incr_extraArgumentIsSyntaxError() {
        assertError("ERR syntax error", "INCR", "n", "x");
    }

    @Test
    void incr_doesNotCountKeyspaceHits() {
        run("INCR", "n");
        run("INCR", "n");
        assertEquals(0, hits() + misses());
    }
}
