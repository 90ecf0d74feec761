package io.goredis.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected texts are glibc's printf("%.17g") / ("%.14g") output. */
class CFormatTest {

    @Test
    void g17_likeGlibc() {
        assertEquals("0.33333333333333331", CFormat.g(1.0 / 3, 17));
        assertEquals("10", CFormat.g(10, 17));
        assertEquals("-3.5", CFormat.g(-3.5, 17));
        assertEquals("0.10000000000000001", CFormat.g(0.1, 17));
        assertEquals("1e+100", CFormat.g(1e100, 17));
        assertEquals("1.0000000000000001e-05", CFormat.g(0.00001, 17));
        assertEquals("0.0001", CFormat.g(0.0001, 17));
        assertEquals("9007199254740992", CFormat.g(Math.pow(2, 53), 17));
        assertEquals("1.2345678901234567e+19", CFormat.g(12345678901234567890.0, 17));
        assertEquals("-0", CFormat.g(-0.0, 17));
        assertEquals("inf", CFormat.g(Double.POSITIVE_INFINITY, 17));
        assertEquals("-inf", CFormat.g(Double.NEGATIVE_INFINITY, 17));
        assertEquals("4.9406564584124654e-324", CFormat.g(Double.MIN_VALUE, 17));
    }

    @Test
    void g14_likeLuaTostring() {
        assertEquals("0.33333333333333", CFormat.g(1.0 / 3, 14));
        assertEquals("1e+15", CFormat.g(1e15, 14));
        assertEquals("1.2345678901234e+14", CFormat.g(123456789012345.0, 14));
        assertEquals("100", CFormat.g(100, 14));
        assertEquals("-1e-07", CFormat.g(-1e-7, 14));
        assertEquals("3.1415926535898", CFormat.g(Math.PI, 14));
    }
}
