package io.goredis.command.script.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * struct.pack / unpack / size: integer sizes and endianness, floats, strings, alignment, the
 * x86-64 number conversions and the error texts, each compared with redis-server 7.0.15's answer.
 *
 * <p>The expected replies were captured from a real redis-server 7.0.15 (see {@link LibSandbox} for
 * their text form); the unit tests need no server.
 */
class StructTest {

    private final LibSandbox lua = new LibSandbox();

    @AfterEach
    void close() {
        lua.close();
    }

    private void expect(String expected, String script, String... argv) {
        assertEquals(expected, lua.eval(script, argv), script);
    }

    @Test
    void pack_integers_matchesRedis() {
        expect("$'\\x01\\x02'",
                "return struct.pack('>I2', 258)");
        expect("$'\\x02\\x01'",
                "return struct.pack('<I2', 258)");
        expect("$'\\xff\\xff\\xff\\xff'",
                "return struct.pack('>i4', -1)");
        expect("$'\\x01\\x00\\x00\\x00'",
                "return struct.pack('<i4', 1)");
        expect("$'\\xff\\xff\\xff\\xff'",
                "return struct.pack('>I4', 4294967295)");
        expect("$'\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe'",
                "return struct.pack('>i8', -2)");
        expect("$'\\x00 \\x00\\x00\\x00\\x00\\x00\\x00'",
                "return struct.pack('>I8', 2^53)");
        expect("$'\\xff\\xff\\xfe\\xff\\xff\\xff'",
                "return struct.pack('bBhH', -1, 255, -2, 65535)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01'",
                "return struct.pack('>l', 1)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01'",
                "return struct.pack('>L', 1)");
        expect("$'\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return struct.pack('T',1)");
        expect("$'\\x03\\x00\\x02'",
                "return struct.pack('>I3', 65536 * 3 + 2)");
        expect("$'\\x9c@'",
                "return struct.pack('>i2', 40000)");
        expect("$'\\xff\\xff'",
                "return struct.pack('>I2', -1)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01'",
                "return struct.pack('>i17', 1)");
        expect("$'\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
                + "\\x00\\x00\\x00'",
                "return struct.pack('<I20', -1)");
        expect("$'\\xff\\xfe'",
                "return struct.pack('>h', -2)");
        expect("$'p\\x11'",
                "return struct.pack('<H', 70000)");
        expect("$'\\xc8'",
                "return struct.pack('>b', 200)");
        expect("$'\\xff\\xff\\xff'",
                "return struct.pack('>i3', -1)");
        expect("$''",
                "return struct.pack('>i0', 1)");
        expect("$'\\x0c\\x00\\x00\\x00'",
                "return struct.pack('i', '12')");
        expect("$'\\x10\\x00\\x00\\x00'",
                "return struct.pack('i', ' 0x10 ')");
    }

    @Test
    void pack_outOfRangeNumbers_castLikeX86_matchesRedis() {
        expect("$'\\x01\\x00\\x00\\x00'",
                "return struct.pack('i', 1.9)");
        expect("$'\\xff\\xff\\xff\\xff'",
                "return struct.pack('i', -1.9)");
        expect("$'\\x00\\x00\\x00\\x00'",
                "return struct.pack('>I', 2^32)");
        expect("$'\\x00\\x00\\x00\\x00'",
                "return struct.pack('<i', 2^70)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x80'",
                "return struct.pack('<i8', -2^70)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x80'",
                "return struct.pack('<i8', 0/0)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x80'",
                "return struct.pack('<i8', -(0/0))");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return struct.pack('<i8', 2^64)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x80'",
                "return struct.pack('<i8', 2^63)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return struct.pack('<i8', 1/0)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x80'",
                "return struct.pack('<i8', -1/0)");
        expect("$'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return struct.pack('<i8', 2^64+2^60)");
        expect("$'\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return struct.pack('>i8', -2^63)");
        expect("$'\\xff\\xff\\xff\\xff\\xff\\xff\\xf8\\x00'",
                "return struct.pack('>I8', 2^64 - 2048)");
    }

    @Test
    void pack_floatsAndStrings_matchesRedis() {
        expect("$'?\\xf8\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return struct.pack('>d', 1.5)");
        expect("$'\\x00\\x00\\x00?'",
                "return struct.pack('<f', 0.5)");
        expect("$'\\xff\\xc0\\x00\\x00'",
                "return struct.pack('>f', 0/0)");
        expect("$'\\x7f\\x80\\x00\\x00'",
                "return struct.pack('>f', 1e40)");
        expect("$'=\\xcc\\xcc\\xcd'",
                "return struct.pack('>f', 0.1)");
        expect("$'\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return struct.pack('>d', -0.0)");
        expect("$'zero\\x00'",
                "return struct.pack('s', 'zero')");
        expect("$'ab'",
                "return struct.pack('c2', 'abcdef')");
        expect("$'abc'",
                "return struct.pack('c0', 'abc')");
        expect("$'a\\x00b\\x00'",
                "return struct.pack('s', ARGV[1])", "a\000b");
        expect("$'a\\x00b'",
                "return struct.pack('c0', ARGV[1])", "a\000b");
        expect("-ERR user_script:1: bad argument #3 to 'pack' (string too short)",
                "return struct.pack('c3', 12)");
        expect("$'\\x01'",
                "return struct.pack(ARGV[1], 1, 2)", "b\000b");
    }

    @Test
    void pack_alignment_matchesRedis() {
        expect("$'\\x01\\x00\\x00\\x00\\x02\\x00\\x00\\x00'",
                "return struct.pack('!4 b i4', 1, 2)");
        expect("$'\\x00\\x07\\x00'",
                "return struct.pack('x b x', 7)");
        expect("$'\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00@'",
                "return struct.pack('!8 b d', 1, 2)");
        expect("$'\\x01\\x00\\x02\\x00\\x00\\x00'",
                "return struct.pack('!2 b i', 1, 2)");
        expect("$'\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00@'",
                "return struct.pack('! b d', 1, 2)");
        expect("$'\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00@'",
                "return struct.pack('!1 b d', 1, 2)");
        expect("$'\\x01\\x02\\x00\\x00\\x03'",
                "return struct.pack('b i3 b', 1, 2, 3)");
        expect("$'\\x01\\x00\\x00\\x02\\x00\\x00\\x03'",
                "return struct.pack('!4 b i3 b', 1, 2, 3)");
        expect("$'\\x01abc\\x03'",
                "return struct.pack('!4 b c3 b', 1, 'abc', 3)");
        expect("$'\\x01abc\\x00\\x03'",
                "return struct.pack('!4 b s b', 1, 'abc', 3)");
    }

    @Test
    void pack_badFormatOrArguments_raise_matchesRedis() {
        expect("-ERR user_script:1: bad argument #3 to 'pack' (string too short)",
                "return struct.pack('c5', 'ab')");
        expect("-ERR user_script:1: bad argument #1 to 'pack' (invalid format option 'y')",
                "return struct.pack('y', 1)");
        expect("-ERR user_script:1: bad argument #2 to 'pack' (number expected, got nil)",
                "return struct.pack('>i4')");
        expect("-ERR user_script:1: bad argument #2 to 'pack' (number expected, got string)",
                "return struct.pack('>i4', 'x')");
        expect("-ERR user_script:1: integral size overflow",
                "return struct.pack('i99999999999', 1)");
        expect("-ERR user_script:1: integral size 33 is larger than limit of 32",
                "return struct.pack('i33', 1)");
        expect("-ERR user_script:1: alignment 3 is not a power of 2",
                "return struct.pack('!3', 1)");
        expect("-ERR user_script:1: alignment 0 is not a power of 2",
                "return struct.pack('!0', 1)");
        expect("-ERR user_script:1: bad argument #2 to 'pack' (string expected, got table)",
                "return struct.pack('c3', {})");
        expect("-ERR user_script:1: bad argument #2 to 'pack' (string expected, got nil)",
                "return struct.pack('s')");
        expect("-ERR user_script:1: bad argument #3 to 'pack' (number expected, got nil)",
                "return struct.pack('ii', 1)");
        expect("-ERR user_script:1: bad argument #3 to 'pack' (number expected, got nil)",
                "return struct.pack('iii', 1)");
        expect("-ERR user_script:1: bad argument #3 to 'pack' (string too short)",
                "return struct.pack('c2147483647', 'x')");
        expect("-ERR user_script:1: integral size overflow",
                "return struct.pack('c2147483648', 'x')");
        expect("-ERR user_script:1: bad argument #1 to 'pack' (invalid format option '#')",
                "return struct.pack('#', 1)");
        expect("-ERR user_script:1: bad argument #1 to 'pack' (invalid format option '\377')",
                "return struct.pack(ARGV[1], 1)", "\377");
        expect("-ERR user_script:1: bad argument #1 to 'pack' (string expected, got no value)",
                "return struct.pack()");
        expect("-ERR user_script:1: bad argument #1 to 'pack' (string expected, got table)",
                "return struct.pack({})");
        expect("-ERR user_script:1: bad argument #1 to 'pack' (invalid format option '5')",
                "return struct.pack(5, 1)");
        expect("-ERR user_script:1: calling 'pack' on bad self (string expected, got table)",
                "return struct:pack('i')");
    }

    @Test
    void unpack_values_matchesRedis() {
        expect("[:258, :3]",
                "return {struct.unpack('>I2', ARGV[1])}", "\001\002");
        expect("[:-1, :5]",
                "return {struct.unpack('<i4', ARGV[1])}", "\377\377\377\377");
        expect("[:4294967295, :5]",
                "return {struct.unpack('>I4', ARGV[1])}", "\377\377\377\377");
        expect("[:-1, :255, :3]",
                "return {struct.unpack('bB', ARGV[1])}", "\377\377");
        expect("[:1, :2, :5]",
                "return {struct.unpack('>I2I2', ARGV[1])}", "\000\001\000\002");
        expect("[:2, :5]",
                "return {struct.unpack('>I2', ARGV[1], 3)}", "\000\001\000\002");
        expect("[$'abc', :5]",
                "return {struct.unpack('s', ARGV[1])}", "abc\000def");
        expect("[$'abc', :4]",
                "return {struct.unpack('c3', ARGV[1])}", "abcdef");
        expect("[$'abc', :5]",
                "return {struct.unpack('b c0', ARGV[1])}", "\003abcdef");
        expect("[$'1.25', :9]",
                "local a, b = struct.unpack('>d', struct.pack('>d', 1.25)); return {tos"
                + "tring(a), b}");
        expect("$'0.10000000149012'",
                "local a = struct.unpack('<f', struct.pack('<f', 0.1)); return tostring(a)");
        expect("[:-2, :3]",
                "return {struct.unpack('>h', ARGV[1])}", "\377\376");
        expect("[:65279, :3]",
                "return {struct.unpack('<H', ARGV[1])}", "\377\376");
        expect("[:-1, :9]",
                "return {struct.unpack('<l', ARGV[1])}", "\377\377\377\377\377\377\377\377");
        expect("[$'1.844674407371e+19']",
                "return {tostring(struct.unpack('<L', ARGV[1]))}", "\377\377\377\377\377\377\377\377");
        expect("[$'9.2233720368548e+18']",
                "return {tostring(struct.unpack('>T', ARGV[1]))}", "\200\000\000\000\000\000\000\000");
        expect("[:-8388607, :4]",
                "return {struct.unpack('>i3', ARGV[1])}", "\200\000\001");
        expect("[:8388609, :4]",
                "return {struct.unpack('>I3', ARGV[1])}", "\200\000\001");
        expect("[:0, :1]",
                "return {struct.unpack('>i0', ARGV[1])}", "ab");
        expect("[:-1, :17]",
                "return {struct.unpack('>i16', string.rep('\\255',16))}");
        expect("[$'1.844674407371e+19']",
                "return {tostring(struct.unpack('>I16', string.rep('\\255',16)))}");
        expect("[:0, :10]",
                "return {struct.unpack('>i9', '\\128'..string.rep('\\0',8))}");
        expect("[:-1, :4]",
                "return {struct.unpack('<i3', '\\255\\255\\255')}");
        expect("[:1, :2, :9]",
                "return {struct.unpack('!4 b i', ARGV[1])}", "\001\000\000\000\002\000\000\000");
        expect("[$'nan']",
                "return {tostring(struct.unpack('>f', ARGV[1]))}", "\177\300\000\000");
        expect("[$'-inf']",
                "return {tostring(struct.unpack('>d', ARGV[1]))}", "\377\360\000\000\000\000\000\000");
        expect("[$'ab', $'cd', :7]",
                "return {struct.unpack('s s', ARGV[1])}", "ab\000cd\000");
        expect("[:2, :3]",
                "return {struct.unpack('x b', ARGV[1])}", "\001\002");
        expect("[$'ab', :7, :5]",
                "return {struct.unpack('b c0 b', ARGV[1])}", "\002ab\007");
        expect("[$'ab', :4]",
                "return {struct.unpack('c1 c0', ARGV[1])}", "2ab");
        expect("[:1, :6]",
                "return {struct.unpack('i', ARGV[1], 2)}", "\000\001\000\000\000");
        expect("[:1, :6]",
                "return {struct.unpack('i', ARGV[1], '2')}", "\000\001\000\000\000");
        expect("[:256, :5]",
                "return {struct.unpack('i', ARGV[1], 1.9)}", "\000\001\000\000\000");
        expect("[:3]",
                "return {struct.unpack('', ARGV[1], 3)}", "ab");
        expect("-ERR user_script:1: bad argument #1 to 'unpack' (invalid format option 'y')",
                "return {struct.unpack('y', ARGV[1])}", "ab");
        expect(":5001",
                "return select('#', struct.unpack(string.rep('b', 5000), string.rep('a', 5000)))");
    }

    @Test
    void unpack_badInput_raises_matchesRedis() {
        expect("-ERR user_script:1: format 'c0' needs a previous size",
                "return {struct.unpack('c0', ARGV[1])}", "\003abcdef");
        expect("-ERR user_script:1: format 'c0' needs a previous size",
                "return {struct.unpack('c0', '3abc')}");
        expect("-ERR user_script:1: bad argument #2 to 'unpack' (data string too short)",
                "return {struct.unpack('>I4', ARGV[1])}", "\000\001");
        expect("-ERR user_script:1: bad argument #2 to 'unpack' (data string too short)",
                "return {struct.unpack('>I2', ARGV[1], 10)}", "\000\001");
        expect("-ERR user_script:1: bad argument #3 to 'unpack' (offset must be 1 or greater)",
                "return {struct.unpack('b', 'x', 0)}");
        expect("-ERR user_script:1: bad argument #2 to 'unpack' (data string too short)",
                "return {struct.unpack('b', 'x', -1)}");
        expect("-ERR user_script:1: bad argument #2 to 'unpack' (data string too short)",
                "return {struct.unpack('i', '1234', 2)}");
        expect("-ERR user_script:1: bad argument #2 to 'unpack' (data string too short)",
                "return {struct.unpack('!4 b i', ARGV[1])}", "\001\000\000\000\002\000\000");
        expect("-ERR user_script:1: unfinished string in data",
                "return {struct.unpack('s', ARGV[1])}", "abc");
        expect("-ERR user_script:1: format 'c0' needs a previous size",
                "return {struct.unpack('c1 c0', ARGV[1])}", "xab");
        expect("-ERR user_script:1: bad argument #2 to 'unpack' (data string too short)",
                "return {struct.unpack('b c0', ARGV[1])}", "\011ab");
        expect("-ERR user_script:1: bad argument #2 to 'unpack' (data string too short)",
                "return {struct.unpack('b c0', ARGV[1])}", "\377ab");
        expect("-ERR user_script:1: bad argument #3 to 'unpack' (number expected, got string)",
                "return {struct.unpack('i', ARGV[1], 'x')}", "\000\001\000\000\000");
        expect("[:4]",
                "return {struct.unpack('', ARGV[1], 4)}", "ab");
        expect("-ERR user_script:1: bad argument #2 to 'unpack' (data string too short)",
                "return {struct.unpack('b', ARGV[1], 3)}", "ab");
        expect("-ERR user_script:1: bad argument #2 to 'unpack' (string expected, got no value)",
                "return {struct.unpack('i')}");
        expect("-ERR user_script:1: bad argument #1 to 'unpack' (string expected, got no value)",
                "return {struct.unpack()}");
        expect("-ERR user_script:1: integral size 33 is larger than limit of 32",
                "return {struct.unpack('i33', 'x')}");
        expect("-ERR user_script:1: alignment 3 is not a power of 2",
                "return {struct.unpack('!3', 'x')}");
        expect("-ERR user_script:1: stack overflow (too many results)",
                "return select('#', struct.unpack(string.rep('b', 9000), string.rep('a', 9000)))");
    }

    @Test
    void size_fixedFormats_matchesRedis() {
        expect(":6",
                "return struct.size('>I2i4')");
        expect(":27",
                "return struct.size('bhilfd')");
        expect(":16",
                "return struct.size('!8 b d')");
        expect(":10",
                "return struct.size('c10')");
        expect(":0",
                "return struct.size('')");
        expect(":0",
                "return struct.size('!')");
        expect(":8",
                "return struct.size('!16d')");
        expect(":8",
                "return struct.size('x!4i')");
        expect(":4",
                "return struct.size('i')");
        expect(":13",
                "return struct.size('<>! i7')");
        expect(":0",
                "return struct.size('y')");
        expect(":10",
                "return struct.size('!8 b !2 d')");
        expect(":8",
                "return struct.size('!4 h b i')");
        expect(":9",
                "return struct.size('x T')");
        expect(":4294967294",
                "return struct.size('c2147483647 c2147483647')");
        expect(":0",
                "return struct.size('!16')");
        expect(":0",
                "return struct.size(12)");
    }

    @Test
    void size_variableFormats_raise_matchesRedis() {
        expect("-ERR user_script:1: bad argument #1 to 'size' (option 's' has no fixed size)",
                "return struct.size('s')");
        expect("-ERR user_script:1: bad argument #1 to 'size' (option 'c0' has no fixed size)",
                "return struct.size('c0')");
        expect("-ERR user_script:1: bad argument #1 to 'size' (invalid format option '#')",
                "return struct.size('#')");
        expect("-ERR user_script:1: alignment 6 is not a power of 2",
                "return struct.size('!6')");
        expect("-ERR user_script:1: bad argument #1 to 'size' (string expected, got no value)",
                "return struct.size()");
    }
}
