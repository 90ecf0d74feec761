package io.goredis.command.script.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cjson settings functions, cjson.new and the library's fields, each compared with redis-
 * server 7.0.15's answer (settings are changed on cjson.new() tables only, as in the differential
 * script).
 *
 * <p>The expected replies were captured from a real redis-server 7.0.15 (see {@link LibSandbox} for
 * their text form); the unit tests need no server.
 */
class CJsonConfigTest {

    private final LibSandbox lua = new LibSandbox();

    @AfterEach
    void close() {
        lua.close();
    }

    private void expect(String expected, String script, String... argv) {
        assertEquals(expected, lua.eval(script, argv), script);
    }

    @Test
    void settings_defaults_matchesRedis() {
        expect(":1000",
                "return cjson.encode_max_depth()");
        expect(":1000",
                "return cjson.decode_max_depth()");
        expect(":14",
                "return cjson.encode_number_precision()");
        expect("[:1]",
                "return {cjson.encode_keep_buffer()}");
        expect("[$-1, :2, :10]",
                "return {cjson.encode_sparse_array()}");
        expect("[$-1]",
                "return {cjson.encode_invalid_numbers()}");
        expect("[:1]",
                "return {cjson.decode_invalid_numbers()}");
        expect("$'function'",
                "return type(cjson.new)");
        expect("$'[1]'",
                "return cjson.new().encode({1})");
        expect("$'cjson 2.1.0'",
                "return cjson._NAME .. ' ' .. cjson._VERSION");
    }

    @Test
    void settings_changeEncoding_matchesRedis() {
        expect("[:3, $-1, $'Cannot serialise, excessive nesting (4)']",
                "local c = cjson.new() return {c.encode_max_depth(3), pcall(c.encode, {{{{}}}})}");
        expect("$'[[{}]]'",
                "local c = cjson.new() c.encode_max_depth(3) return c.encode({{{}}})");
        expect("[$-1, $'Found too many nested data structures (3) at character 3']",
                "local c = cjson.new() c.decode_max_depth(2) return {pcall(c.decode, '[[[1]]]')}");
        expect(":1",
                "local c = cjson.new() c.decode_max_depth(2) return c.decode('{\"a\":{\"b\":1}}').a.b");
        expect("[:1, :2, :10]",
                "local c = cjson.new() return {c.encode_sparse_array(true)}");
        expect("$'{\"1\":\"x\",\"20\":\"z\"}'",
                "local c = cjson.new() c.encode_sparse_array(true) return c.encode({[1]"
                + " = 'x', [20] = 'z'})");
        expect("$'[\"x\",null,null,null,null,null,null,null,null,null,null,null,null,nul"
                + "l,null,null,null,null,null,\"z\"]'",
                "local c = cjson.new() c.encode_sparse_array(false, 0) return c.encode("
                + "{[1] = 'x', [20] = 'z'})");
        expect("$'[\"x\",null,null,null,null,null,null,null,null,null,null,null,null,nul"
                + "l,null,null,null,null,null,\"z\"]'",
                "local c = cjson.new() c.encode_sparse_array(false, 2, 30) return c.enc"
                + "ode({[1] = 'x', [20] = 'z'})");
        expect("[:1, :3, :4]",
                "local c = cjson.new() return {c.encode_sparse_array('on', 3, 4)}");
        expect("[:1]",
                "local c = cjson.new() return {c.encode_invalid_numbers('on')}");
        expect("[:1]",
                "local c = cjson.new() return {c.encode_invalid_numbers(true)}");
        expect("[$'null']",
                "local c = cjson.new() return {c.encode_invalid_numbers('null')}");
        expect("$'[inf,-inf,nan]'",
                "local c = cjson.new(); c.encode_invalid_numbers('on'); return c.encode"
                + "({1/0, -1/0, 0/0})");
        expect("$'[null,null,null]'",
                "local c = cjson.new(); c.encode_invalid_numbers('null'); return c.enco"
                + "de({1/0, -1/0, 0/0})");
        expect("$'{\"inf\":1}'",
                "local c = cjson.new() c.encode_invalid_numbers(true) return c.encode({"
                + "[1/0] = 1})");
        expect("$'nan'",
                "local c = cjson.new() c.encode_invalid_numbers(true) return c.encode(-(0/0))");
        expect("[$-1, $-1, :1]",
                "local c = cjson.new() return {c.encode_keep_buffer(false), c.encode_ke"
                + "ep_buffer(), c.encode_keep_buffer('on')}");
        expect("$'[0.333,1.23e+06,0.1]'",
                "local c = cjson.new(); c.encode_number_precision(3); return c.encode({"
                + "1/3, 1234567, 0.1})");
        expect("[:1, $'1e+02']",
                "local c = cjson.new() return {c.encode_number_precision(1), c.encode(123)}");
        expect("[:5, $'0.33333']",
                "local c = cjson.new() return {c.encode_number_precision('5'), c.encode(1/3)}");
        expect("[:2, $'0.33']",
                "local c = cjson.new() return {c.encode_number_precision(2.9), c.encode(1/3)}");
        expect("[:5]",
                "local c = cjson.new() return {c.encode_max_depth(2^32 + 5)}");
        expect("[:1000]",
                "local c = cjson.new() return {c.encode_max_depth(nil)}");
    }

    @Test
    void settings_decodeInvalidNumbers_matchesRedis() {
        expect("[$-1, $-1, $'Expected value but found invalid token at character 1']",
                "local c = cjson.new() return {c.decode_invalid_numbers('off'), pcall(c"
                + ".decode, 'NaN')}");
        expect("-ERR user_script:1: Expected value but found invalid number at character 1",
                "local c = cjson.new(); c.decode_invalid_numbers(false); return c.decode('0x10')");
        expect("-ERR user_script:1: Expected value but found invalid number at character 1",
                "local c = cjson.new(); c.decode_invalid_numbers(false); return c.decod"
                + "e('-Infinity')");
        expect("-ERR user_script:1: Expected value but found invalid token at character 1",
                "local c = cjson.new(); c.decode_invalid_numbers(false); return c.decode('+1')");
        expect("-ERR user_script:1: Expected value but found invalid number at character 1",
                "local c = cjson.new(); c.decode_invalid_numbers(false); return c.decode('01')");
        expect(":-1500",
                "local c = cjson.new() c.decode_invalid_numbers(false) return c.decode('-1.5e3')");
        expect("[$-1, $'Expected value but found invalid number at character 1']",
                "local c = cjson.new() c.decode_invalid_numbers(false) return {pcall(c."
                + "decode, '-0x10')}");
        expect("[$-1, $'Expected value but found invalid number at character 1']",
                "local c = cjson.new() c.decode_invalid_numbers(false) return {pcall(c."
                + "decode, '-inf')}");
        expect("[$-1, $'Expected value but found invalid token at character 1']",
                "local c = cjson.new() c.decode_invalid_numbers(false) return {pcall(c."
                + "decode, 'inf')}");
        expect(":0",
                "local c = cjson.new() c.decode_invalid_numbers(false) return c.decode('0')");
        expect("[$-1, $'Expected value but found invalid number at character 1']",
                "local c = cjson.new() c.decode_invalid_numbers(false) return {pcall(c."
                + "decode, '-')}");
    }

    @Test
    void settings_badArguments_raise_matchesRedis() {
        expect("-ERR user_script:1: bad argument #2 to 'encode_max_depth' (found too m"
                + "any arguments)",
                "return cjson.encode_max_depth(1,2)");
        expect("-ERR user_script:1: bad argument #1 to 'encode_max_depth' (number expe"
                + "cted, got string)",
                "return cjson.encode_max_depth('x')");
        expect("-ERR user_script:1: bad argument #1 to 'encode_max_depth' (expected in"
                + "teger between 1 and 2147483647)",
                "return cjson.encode_max_depth(0)");
        expect("-ERR user_script:1: bad argument #1 to 'encode_keep_buffer' (invalid option 'x')",
                "return cjson.encode_keep_buffer('x')");
        expect("-ERR user_script:1: bad argument #1 to 'encode_keep_buffer' (string ex"
                + "pected, got table)",
                "return cjson.encode_keep_buffer({})");
        expect("[$-1, $'bad argument #1 to \\x27?\\x27 (invalid option \\x271\\x27)']",
                "local c = cjson.new() return {pcall(c.encode_sparse_array, 1)}");
        expect("[$-1, $'bad argument #1 to \\x27?\\x27 (expected integer between 0 and 2"
                + "147483647)']",
                "local c = cjson.new() return {pcall(c.encode_sparse_array, true, -1)}");
        expect("-ERR user_script:1: bad argument #4 to 'encode_sparse_array' (found to"
                + "o many arguments)",
                "local c = cjson.new() return c.encode_sparse_array(true, 1, 2, 3)");
        expect("-ERR user_script:1: bad argument #1 to 'encode_invalid_numbers' (inval"
                + "id option 'x')",
                "local c = cjson.new() return {c.encode_invalid_numbers('x')}");
        expect("-ERR user_script:1: bad argument #1 to 'encode_number_precision' (expe"
                + "cted integer between 1 and 14)",
                "local c = cjson.new() return {c.encode_number_precision(15)}");
        expect("[$-1, $'bad argument #1 to \\x27?\\x27 (number expected, got string)']",
                "return {pcall(cjson.encode_max_depth, 'x')}");
    }

    @Test
    void library_worksInCoroutines_matchesRedis() {
        expect("[:1, $'[1,[2]]']",
                "local co = coroutine.create(function() return cjson.encode({1, {2}}) e"
                + "nd) return {coroutine.resume(co)}");
        expect("[:1, :2, :3]",
                "local co = coroutine.wrap(function() return cjson.decode('[1, 2, 3]') "
                + "end) return co()");
        expect(":2",
                "local co = coroutine.wrap(function() return cmsgpack.unpack(cmsgpack.p"
                + "ack({1, 'a', {b = 2}})) end) return co()[3].b");
        expect(":3",
                "local co = coroutine.wrap(function() return bit.bor(1, 2) end) return co()");
        expect("[:258, :3]",
                "local co = coroutine.wrap(function() return {struct.unpack('>I2', stru"
                + "ct.pack('>I2', 258))} end) return co()");
    }
}
