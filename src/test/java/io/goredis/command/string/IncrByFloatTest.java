package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every expected reply here was produced by redis-server 7.0.15 ({@code SET f a; INCRBYFLOAT f b}). */
class IncrByFloatTest extends StringCommandTestBase {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            0|0.1|0.1
            10.5|0.1|10.6
            100000|0.1|100000.10000000000000142
            10.6|5.0e3|5010.60000000000000009
            0x1p3|0x1.8p1|11
            0.1|0.2|0.3
            1.23456789012345678|0|1.23456789012345678
            123456789.123456789|0|123456789.12345678899873747
            5.0e3|2.0e2|5200
            3|-3|0
            -1.5|0.25|-1.25
            1e30|0|1000000000000000000024696061952
            1e-20|0|0
            0.00000000000000001|0|0.00000000000000001
            0.000000000000000005|0|0
            0.000000000000000015|0|0.00000000000000002
            9223372036854775807|1|9223372036854775808
            1|1e-17|1.00000000000000001
            2.5|-5|-2.5
            -0.00000000000000000001|0|0
            1e18|0.5|1000000000000000000.5
            12345678901234567890|0|12345678901234567890
            0.1|0.7|0.8
            1.1|2.2|3.3
            3.0|1.5e-10|3.00000000015
            +5|-.5|4.5
            1E3|1e-3|1000.001
            0X1P-2|0|0.25
            1.|.1|1.1
            1|3.6e-4951|1
            1|infinity|ERR increment would produce NaN or Infinity
            inf|1|ERR increment would produce NaN or Infinity
            1|-inf|ERR increment would produce NaN or Infinity
            1e4932|1e4932|ERR increment would produce NaN or Infinity
            -1e4932|-1e4932|ERR increment would produce NaN or Infinity
            1|nan|ERR value is not a valid float
            1|1e4933|ERR value is not a valid float
            1|1e-5000|ERR value is not a valid float
            1|1e-4951|ERR value is not a valid float
            1|1.5e-4951|ERR value is not a valid float
            1|0x1p16384|ERR value is not a valid float
            1|" 1"|ERR value is not a valid float
            1|"1 "|ERR value is not a valid float
            1|""|ERR value is not a valid float
            1|0x|ERR value is not a valid float
            1|1e|ERR value is not a valid float
            1|1e+|ERR value is not a valid float
            1|.|ERR value is not a valid float
            1|-|ERR value is not a valid float
            abc|1|ERR value is not a valid float
            """)
    void incrbyfloat_matchesRedis(String initial, String incr, String expected) {
        assertOk("SET", "f", initial);
        String reply = run("INCRBYFLOAT", "f", incr);
        if (expected.startsWith("ERR ")) {
            assertEquals("-" + expected + "\r\n", reply);
            assertEquals(initial, stored("f"));
        } else {
            assertEquals("$" + expected.length() + "\r\n" + expected + "\r\n", reply);
            assertEquals(expected, stored("f"));
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.7976931348623157e308|0|309|7bcb86244d49b627
            1e4932|0|4933|754d16acb807875e
            1|0x1.fffffffffffffffep16383|4933|39319dad6400899a
            11|1e400|401|61c953f7600a3bc6
            """)
    void incrbyfloat_hugeValuesMatchRedis(String initial, String incr, int length, String sha256Prefix)
            throws Exception {
        assertOk("SET", "f", initial);
        run("INCRBYFLOAT", "f", incr);
        String out = stored("f");
        assertEquals(length, out.length());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(out.getBytes(StandardCharsets.US_ASCII));
        assertEquals(sha256Prefix, HexFormat.of().formatHex(digest).substring(0, 16));
    }

    @ParameterizedTest(name = "{0} valid: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.8e-4951|false
            1.82e-4951|false
            1.823e-4951|true
            1.83e-4951|true
            1.18973149535723176502e4932|true
            1.18973149535723176505e4932|true
            1.189731495357231765e4932|true
            1.1897314953572317651e4932|false
            -1.18973149535723176508e4932|false
            """)
    void longDouble_rangeBoundariesMatchRedis(String text, boolean valid) {
        // Redis: half the smallest subnormal rounds to zero (invalid), anything above it is valid;
        // the largest finite value plus less than half an ulp is still finite.
        assertEquals(valid, LongDouble.parse(text.getBytes(StandardCharsets.US_ASCII)) != null);
    }

    @Test
    void incrbyfloat_absentKeyStartsAtZero() {
        assertBulk("1.5", "INCRBYFLOAT", "nk", "1.5");
        assertEquals("1.5", stored("nk"));
    }

    @Test
    void incrbyfloat_keepsExpiry() {
        assertOk("SET", "f", "1", "EX", "100");
        assertBulk("2.5", "INCRBYFLOAT", "f", "1.5");
        assertEquals(now + 100_000, expireAt("f"));
    }

    @Test
    void incrbyfloat_invalidIncrementOnAbsentKeyWritesNothing() {
        assertError("ERR value is not a valid float", "INCRBYFLOAT", "nk", "x");
        assertEquals(-2, expireAt("nk"));
    }

    @Test
    void incrbyfloat_tooLongArgumentIsNotAFloat() {
        String longNumber = "1" + "0".repeat(5200);
        assertError("ERR value is not a valid float", "INCRBYFLOAT", "f", longNumber);
    }

    @Test
    void incrbyfloat_extraArgumentIsSyntaxError() {
        assertError("ERR syntax error", "INCRBYFLOAT", "f", "1", "2");
    }

    @Test
    void longDouble_formatTrimsZeros() {
        assertEquals("100", LongDouble.format(new java.math.BigDecimal(BigInteger.valueOf(100))));
        assertEquals("0.5", LongDouble.format(new java.math.BigDecimal("0.50")));
    }
}
