package io.goredis.command.script.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The C number conversions on their own: glibc's %g and strtod, and x86-64's double-to-integer casts. */
class CNumbersTest {

    private static String g(double v, int precision) {
        return new String(CNumbers.formatG(v, precision), StandardCharsets.ISO_8859_1);
    }

    private static CNumbers.Parsed strtod(String s) {
        return CNumbers.strtod(s.getBytes(StandardCharsets.ISO_8859_1), 0);
    }

    @Test
    void formatG_matchesGlibcPrintf() {
        assertEquals("0.33333333333333", g(1.0 / 3, 14));
        assertEquals("9.007199254741e+15", g(0x1p53, 14));
        assertEquals("1e-07", g(1e-7, 14));
        assertEquals("1.2345678901234e+14", g(123456789012345.0, 14));
        assertEquals("1e+14", g(99999999999999.5, 14));
        assertEquals("1e+23", g(9.999999999999996e22, 14));
        assertEquals("4.9406564584125e-324", g(Double.MIN_VALUE, 14));
        assertEquals("0.0001", g(0.0001, 14));
        assertEquals("1e-05", g(0.00001, 14));
        assertEquals("1e+100", g(1e100, 14));
        assertEquals("9.01e+15", g(0x1p53, 3));
        assertEquals("-2", g(-2.5, 1)); // an exact tie rounds to even
        assertEquals("-0", g(-0.0, 14));
        assertEquals("0", g(0.0, 14));
        assertEquals("inf", g(Double.POSITIVE_INFINITY, 14));
        assertEquals("-inf", g(Double.NEGATIVE_INFINITY, 14));
        assertEquals("nan", g(Double.NaN, 14));
        assertEquals("-nan", g(Double.longBitsToDouble(0xfff8000000000000L), 14));
    }

    @Test
    void strtod_decimal_stopsWhereGlibcStops() {
        assertEquals(new CNumbers.Parsed(1.5, 3), strtod("1.5,"));
        assertEquals(new CNumbers.Parsed(1.0, 1), strtod("1e"));
        assertEquals(new CNumbers.Parsed(1.0, 1), strtod("1e+"));
        assertEquals(new CNumbers.Parsed(100.0, 4), strtod("1E+2x"));
        assertEquals(new CNumbers.Parsed(-0.5, 3), strtod("-.5"));
        assertEquals(new CNumbers.Parsed(1.0, 2), strtod("1."));
        assertEquals(new CNumbers.Parsed(12.0, 5), strtod("00012"));
        assertEquals(new CNumbers.Parsed(7.0, 3), strtod("  7"));
        assertEquals(0, strtod("-").end());
        assertEquals(0, strtod(".").end());
        assertEquals(0, strtod("x").end());
        assertEquals(new CNumbers.Parsed(Double.POSITIVE_INFINITY, 5), strtod("1e400"));
        assertEquals(new CNumbers.Parsed(Double.POSITIVE_INFINITY, 22), strtod("1e99999999999999999999"));
        assertEquals(new CNumbers.Parsed(0.0, 23), strtod("1e-99999999999999999999"));
    }

    @Test
    void strtod_hexInfNan_likeGlibc() {
        assertEquals(new CNumbers.Parsed(16.0, 4), strtod("0x10"));
        assertEquals(new CNumbers.Parsed(-16.0, 5), strtod("-0x10"));
        assertEquals(new CNumbers.Parsed(3.0, 7), strtod("0x1.8p1"));
        assertEquals(new CNumbers.Parsed(0.25, 6), strtod("0x1P-2"));
        assertEquals(new CNumbers.Parsed(1.0, 3), strtod("0x1p"));
        assertEquals(new CNumbers.Parsed(0.5, 4), strtod("0x.8"));
        assertEquals(new CNumbers.Parsed(0.0, 1), strtod("0x"));
        assertEquals(new CNumbers.Parsed(0.0, 1), strtod("0x.g"));
        assertEquals(new CNumbers.Parsed(Double.POSITIVE_INFINITY, 3), strtod("inf"));
        assertEquals(new CNumbers.Parsed(Double.NEGATIVE_INFINITY, 9), strtod("-Infinity"));
        assertEquals(new CNumbers.Parsed(Double.POSITIVE_INFINITY, 3), strtod("infin"));
        assertEquals(8, strtod("nan(1_a)").end());
        assertEquals(3, strtod("nan(").end());
        assertEquals(0x7ff8000000000000L, Double.doubleToRawLongBits(strtod("NaN").value()));
        assertEquals(0xfff8000000000000L, Double.doubleToRawLongBits(strtod("-nan").value()));
    }

    @Test
    void casts_giveTheIntegerIndefiniteValue_outOfRange() {
        assertEquals(Integer.MIN_VALUE, CNumbers.toInt32(0x1p31));
        assertEquals(Integer.MIN_VALUE, CNumbers.toInt32(Double.NaN));
        assertEquals(Integer.MIN_VALUE, CNumbers.toInt32(-2147483648.9));
        assertEquals(Integer.MIN_VALUE, CNumbers.toInt32(-2147483649.0));
        assertEquals(Integer.MAX_VALUE, CNumbers.toInt32(2147483647.9));
        assertEquals(-1, CNumbers.toInt32(-1.9));
        assertEquals(Long.MIN_VALUE, CNumbers.toInt64(0x1p63));
        assertEquals(Long.MIN_VALUE, CNumbers.toInt64(Double.NEGATIVE_INFINITY));
        assertEquals(Long.MIN_VALUE, CNumbers.toInt64(-0x1p63));
        assertEquals(1L << 62, CNumbers.toInt64(0x1p62));
        assertEquals(Long.MIN_VALUE, CNumbers.toUint64(0x1p63));
        assertEquals(0, CNumbers.toUint64(0x1p64));
        assertEquals(0, CNumbers.toUint64(Double.POSITIVE_INFINITY));
        assertEquals(Long.MIN_VALUE, CNumbers.toUint64(Double.NaN));
        assertEquals(-2048L, CNumbers.toUint64(0x1p64 - 2048));
        assertEquals(-1L, CNumbers.toUint64(-1.0));
        assertEquals(0x1p64, CNumbers.unsignedToDouble(-1L));
        assertEquals(0x1p63, CNumbers.unsignedToDouble(Long.MIN_VALUE));
        assertEquals(5.0, CNumbers.unsignedToDouble(5));
    }
}
