package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** MGET, MSET, MSETNX. Expected replies copied from redis-server 7.0.15. */
class MultiKeyTest extends StringCommandTestBase {

    @Test
    void mset_oddArgumentsIsArityError() {
        assertError("ERR wrong number of arguments for 'mset' command", "MSET", "a", "1", "b");
        assertError("ERR wrong number of arguments for 'msetnx' command", "MSETNX", "a", "1", "b");
        assertNull(stored("a"));
    }

    @Test
    void mset_setsAllAndDropsExpiries() {
        assertOk("SET", "a", "old", "EX", "100");
        assertOk("MSET", "a", "1", "b", "2");
        assertEquals("1", stored("a"));
        assertEquals("2", stored("b"));
        assertEquals(0, expireAt("a"));
    }

    @Test
    void mset_repeatedKeyTakesLastValue() {
        assertOk("MSET", "y", "1", "y", "2");
        assertEquals("2", stored("y"));
    }

    @Test
    void msetnx_allOrNothing() {
        assertOk("MSET", "a", "1", "b", "2");
        assertInt(0, "MSETNX", "a", "1", "c", "3");
        assertNull(stored("c"));
        assertInt(1, "MSETNX", "c", "3", "d", "4");
        assertEquals("3", stored("c"));
        assertEquals("4", stored("d"));
        assertInt(1, "MSETNX", "x", "1", "x", "2");
        assertEquals("2", stored("x"));
    }

    @Test
    void mget_valuesAndNils() {
        assertOk("MSET", "a", "1", "b", "2");
        assertEquals("*3\r\n$1\r\n1\r\n$-1\r\n$1\r\n2\r\n", run("MGET", "a", "nokey", "b"));
        assertEquals(2, hits());
        assertEquals(1, misses());
    }

    @Test
    void mget_repeatedKeyReadOnceAnsweredTwice() {
        assertOk("SET", "a", "1");
        assertEquals("*3\r\n$1\r\n1\r\n$-1\r\n$1\r\n1\r\n", run("MGET", "a", "n", "a"));
        assertEquals(2, hits());
        assertEquals(1, misses());
    }
}
