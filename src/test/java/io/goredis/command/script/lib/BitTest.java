package io.goredis.command.script.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * bit (LuaBitOp): 32-bit normalisation of numbers, every operation, tohex and the argument errors,
 * each compared with redis-server 7.0.15's answer.
 *
 * <p>The expected replies were captured from a real redis-server 7.0.15 (see {@link LibSandbox} for
 * their text form); the unit tests need no server.
 */
class BitTest {

    private final LibSandbox lua = new LibSandbox();

    @AfterEach
    void close() {
        lua.close();
    }

    private void expect(String expected, String script, String... argv) {
        assertEquals(expected, lua.eval(script, argv), script);
    }

    @Test
    void operations_signed32BitResults_matchesRedis() {
        expect(":15",
                "return bit.band(0xff, 0x0f)");
        expect(":3",
                "return bit.band(0xff, 0x0f, 0x03)");
        expect(":7",
                "return bit.bor(1, 2, 4)");
        expect(":240",
                "return bit.bxor(0xff, 0x0f)");
        expect(":-1",
                "return bit.bnot(0)");
        expect(":0",
                "return bit.bnot(0xffffffff)");
        expect(":0",
                "return bit.bnot(-1)");
        expect(":-2147483648",
                "return bit.bnot(0x7fffffff)");
        expect(":8",
                "return bit.band(-1, -1, -1, 8)");
        expect(":1",
                "return bit.bor(1)");
        expect(":4",
                "return bit.band('12', 4)");
    }

    @Test
    void shiftsAndRotations_useLowFiveBits_matchesRedis() {
        expect(":-2147483648",
                "return bit.lshift(1, 31)");
        expect(":1",
                "return bit.lshift(1, 32)");
        expect(":2",
                "return bit.lshift(1, 33)");
        expect(":-2147483648",
                "return bit.lshift(1, -1)");
        expect(":-2147483648",
                "return bit.lshift(1, 63)");
        expect(":-268435456",
                "return bit.lshift(0xff, 28)");
        expect(":15",
                "return bit.rshift(-1, 28)");
        expect(":1",
                "return bit.rshift(0x80000000, 31)");
        expect(":268435440",
                "return bit.rshift(-256, 4)");
        expect(":1",
                "return bit.rshift(1, 0)");
        expect(":-16",
                "return bit.arshift(-256, 4)");
        expect(":-1",
                "return bit.arshift(0x80000000, 31)");
        expect(":-1",
                "return bit.arshift(-1, 31)");
        expect(":1073741823",
                "return bit.arshift(0x7fffffff, 33)");
        expect(":1164411171",
                "return bit.rol(0x12345678, 12)");
        expect(":1736516421",
                "return bit.ror(0x12345678, 12)");
        expect(":1",
                "return bit.rol(1, 32)");
        expect(":1",
                "return bit.rol(0x80000000, 1)");
        expect(":-2147483648",
                "return bit.ror(1, 1)");
        expect(":1",
                "return bit.ror(1, 0)");
        expect(":591751041",
                "return bit.ror(0x12345678, -4)");
        expect(":2018915346",
                "return bit.bswap(0x12345678)");
        expect(":-1",
                "return bit.bswap(-1)");
        expect(":0",
                "return bit.bswap(0)");
        expect(":-16777216",
                "return bit.bswap(0xff)");
    }

    @Test
    void tobit_normalisesNumbers_matchesRedis() {
        expect(":-1",
                "return bit.tobit(0xffffffff)");
        expect(":1",
                "return bit.tobit(2^32 + 1)");
        expect(":-1",
                "return bit.tobit(-1)");
        expect(":2",
                "return bit.tobit(1.7)");
        expect(":5",
                "return bit.tobit(2^40 + 5)");
        expect(":-2147483648",
                "return bit.tobit(2^31)");
        expect(":2147483647",
                "return bit.tobit(-2^31 - 1)");
        expect(":0",
                "return bit.tobit(0.5)");
        expect(":2",
                "return bit.tobit(1.5)");
        expect(":2",
                "return bit.tobit(2.5)");
        expect(":0",
                "return bit.tobit(-0.5)");
        expect(":-2",
                "return bit.tobit(-1.5)");
        expect(":0",
                "return bit.tobit(1/0)");
        expect(":0",
                "return bit.tobit(0/0)");
        expect(":0",
                "return bit.tobit(2^52)");
        expect(":1",
                "return bit.tobit(2^53 + 2)");
        expect(":25165836",
                "return bit.tobit(2^80 + 3 * 2^30)");
        expect(":16",
                "return bit.tobit('0x10')");
        expect(":7",
                "return bit.tobit(' 7 ')");
        expect(":0",
                "return bit.tobit('0')");
        expect(":1",
                "return bit.tobit(1, 2, 3)");
    }

    @Test
    void tohex_digitsAndCase_matchesRedis() {
        expect("$'000000ff'",
                "return bit.tohex(255)");
        expect("$'ff'",
                "return bit.tohex(255, 2)");
        expect("$'ffffffff'",
                "return bit.tohex(-1)");
        expect("$'FFFFFFFF'",
                "return bit.tohex(-1, -8)");
        expect("$'234'",
                "return bit.tohex(0x1234, -3)");
        expect("$'12345678'",
                "return bit.tohex(0x12345678, 20)");
        expect("$'00000000'",
                "return bit.tohex(0)");
        expect("$''",
                "return bit.tohex(-1, 0)");
        expect("$'ABCDEF'",
                "return bit.tohex(0xabcdef, -6)");
        expect("$'00ABCDEF'",
                "return bit.tohex(0xabcdef, -20)");
        expect("$'01'",
                "return bit.tohex(1, 1.5)");
        expect("$'0ff'",
                "return bit.tohex(255, '3')");
        expect("$'0000000a'",
                "return bit.tohex(2^32 + 10)");
    }

    @Test
    void badArguments_raiseNumberExpected_matchesRedis() {
        expect("-ERR user_script:1: bad argument #1 to 'band' (number expected, got string)",
                "return bit.band('x', 4)");
        expect("-ERR user_script:1: bad argument #1 to 'band' (number expected, got no value)",
                "return bit.band()");
        expect("-ERR user_script:1: bad argument #2 to 'lshift' (number expected, got no value)",
                "return bit.lshift(1)");
        expect("-ERR user_script:1: bad argument #1 to 'tobit' (number expected, got no value)",
                "return bit.tobit()");
        expect("-ERR user_script:1: bad argument #1 to 'tobit' (number expected, got nil)",
                "return bit.tobit(nil)");
        expect("-ERR user_script:1: bad argument #1 to 'tobit' (number expected, got table)",
                "return bit.tobit({})");
        expect("-ERR user_script:1: bad argument #3 to 'bxor' (number expected, got string)",
                "return bit.bxor(1, 2, 'x', 4)");
        expect("-ERR user_script:1: bad argument #3 to 'band' (number expected, got string)",
                "return bit.band(1, 'x', 'y')");
        expect("-ERR user_script:1: bad argument #3 to 'bor' (number expected, got nil)",
                "return bit.bor(1, 2, nil)");
        expect("-ERR user_script:1: bad argument #2 to 'tohex' (number expected, got nil)",
                "return bit.tohex(255, nil)");
        expect("-ERR user_script:1: bad argument #1 to 'tohex' (number expected, got string)",
                "return bit.tohex('x')");
        expect("-ERR user_script:1: calling 'tobit' on bad self (number expected, got table)",
                "return bit:tobit()");
        expect("[$-1, $'bad argument #1 to \\x27?\\x27 (number expected, got string)']",
                "return {pcall(bit.band, 'x')}");
    }
}
