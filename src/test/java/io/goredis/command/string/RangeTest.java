package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** APPEND, STRLEN, GETRANGE, SETRANGE. Expected replies copied from redis-server 7.0.15. */
class RangeTest extends StringCommandTestBase {

    private static final String EMPTY = "$0\r\n\r\n";

    @Test
    void getrange_offsets() {
        assertOk("SET", "s", "Hello World");
        assertBulk("Hell", "GETRANGE", "s", "0", "3");
        assertBulk("rld", "GETRANGE", "s", "-3", "-1");
        assertBulk("Hello World", "GETRANGE", "s", "0", "-1");
        assertBulk("d", "GETRANGE", "s", "10", "100");
        assertBulk("H", "GETRANGE", "s", "-100", "-50");
        assertEquals(EMPTY, run("GETRANGE", "s", "5", "3"));
        assertEquals(EMPTY, run("GETRANGE", "s", "-1", "-5"));
        assertEquals(EMPTY, run("GETRANGE", "s", "100", "200"));
        assertBulk("Hello World", "GETRANGE", "s", "-9223372036854775808", "9223372036854775807");
    }

    @Test
    void getrange_absentAndEmpty() {
        assertEquals(EMPTY, run("GETRANGE", "nokey", "0", "-1"));
        assertOk("SET", "e", "");
        assertEquals(EMPTY, run("GETRANGE", "e", "0", "-1"));
        assertEquals(EMPTY, run("GETRANGE", "e", "0", "0"));
    }

    @Test
    void getrange_notInteger() {
        assertError("ERR value is not an integer or out of range", "GETRANGE", "s", "a", "1");
    }

    @Test
    void strlen() {
        assertInt(0, "STRLEN", "nokey");
        assertOk("SET", "s", "Hello World");
        assertInt(11, "STRLEN", "s");
        assertEquals(1, hits());
        assertEquals(1, misses());
    }

    @Test
    void append_createsAndExtendsKeepingExpiry() {
        assertInt(3, "APPEND", "k", "abc");
        assertOk("SET", "k", "abc", "EX", "100");
        assertInt(6, "APPEND", "k", "def");
        assertEquals("abcdef", stored("k"));
        assertEquals(now + 100_000, expireAt("k"));
        assertInt(6, "APPEND", "k", "");
    }

    @Test
    void append_emptyValueCreatesKey() {
        assertInt(0, "APPEND", "ne", "");
        assertEquals("", stored("ne"));
    }

    @Test
    void setrange_overwritesAndPads() {
        assertOk("SET", "s", "Hello World");
        assertInt(11, "SETRANGE", "s", "6", "Redis");
        assertEquals("Hello Redis", stored("s"));
        assertInt(6, "SETRANGE", "p", "5", "x");
        assertEquals("\0\0\0\0\0x", stored("p"));
        assertInt(14, "SETRANGE", "s", "12", "!!");
        assertEquals("Hello Redis\0!!", stored("s"));
    }

    @Test
    void setrange_emptyValueWritesNothing() {
        assertInt(0, "SETRANGE", "nokey2", "5", "");
        assertNull(stored("nokey2"));
        assertOk("SET", "s", "Hello World");
        assertInt(11, "SETRANGE", "s", "536870912", "");
    }

    @Test
    void setrange_keepsExpiry() {
        assertOk("SET", "s", "abc", "PX", "900");
        assertInt(3, "SETRANGE", "s", "0", "x");
        assertEquals(now + 900, expireAt("s"));
    }

    @Test
    void setrange_errors() {
        assertOk("SET", "s", "Hello World");
        assertError("ERR offset is out of range", "SETRANGE", "s", "-1", "x");
        assertError("ERR string exceeds maximum allowed size (proto-max-bulk-len)",
                "SETRANGE", "s", "536870911", "xx");
        assertError("ERR string exceeds maximum allowed size (proto-max-bulk-len)",
                "SETRANGE", "s", "9223372036854775807", "x");
        assertError("ERR string exceeds maximum allowed size (proto-max-bulk-len)",
                "SETRANGE", "new", "536870911", "xx");
        assertError("ERR value is not an integer or out of range", "SETRANGE", "s", "a", "x");
        assertEquals("Hello World", stored("s"));
    }

    @Test
    void stringLimits_appendPastLimit() {
        org.junit.jupiter.api.Assertions.assertThrows(io.goredis.command.CommandException.class,
                () -> StringLimits.check(StringLimits.MAX_STRING, 1));
        StringLimits.check(StringLimits.MAX_STRING - 1, 1);
    }
}
