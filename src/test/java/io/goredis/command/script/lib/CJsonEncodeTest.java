package io.goredis.command.script.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * cjson.encode: scalars, numbers (%.14g), string escapes, arrays vs objects, sparse arrays, errors
 * and nesting limits, each compared with redis-server 7.0.15's answer.
 *
 * <p>The expected replies were captured from a real redis-server 7.0.15 (see {@link LibSandbox} for
 * their text form); the unit tests need no server.
 */
class CJsonEncodeTest {

    private final LibSandbox lua = new LibSandbox();

    @AfterEach
    void close() {
        lua.close();
    }

    private void expect(String expected, String script, String... argv) {
        assertEquals(expected, lua.eval(script, argv), script);
    }

    private void expectWithKeys(String expected, String script, List<String> keys, List<String> argv) {
        assertEquals(expected, lua.eval(script, keys, argv), script);
    }

    @Test
    void encode_scalars_matchesRedis() {
        expect("$'\"str\"'",
                "return cjson.encode('str')");
        expect("$'\"\"'",
                "return cjson.encode('')");
        expect("$'true'",
                "return cjson.encode(true)");
        expect("$'false'",
                "return cjson.encode(false)");
        expect("$'null'",
                "return cjson.encode(nil)");
        expect("$'null'",
                "return cjson.encode(cjson.null)");
        expectWithKeys("$'[\"k1\",\"k2\"]'", "return cjson.encode(KEYS)", List.of("k1", "k2"), List.of());
    }

    @Test
    void encode_numbers_printWithFourteenDigits_matchesRedis() {
        expect("$'1'",
                "return cjson.encode(1)");
        expect("$'-1'",
                "return cjson.encode(-1)");
        expect("$'1.5'",
                "return cjson.encode(1.5)");
        expect("$'0.1'",
                "return cjson.encode(0.1)");
        expect("$'0.33333333333333'",
                "return cjson.encode(1/3)");
        expect("$'-0'",
                "return cjson.encode(-0.0)");
        expect("$'9.007199254741e+15'",
                "return cjson.encode(2^53)");
        expect("$'9.2233720368548e+18'",
                "return cjson.encode(2^63)");
        expect("$'1e+100'",
                "return cjson.encode(1e100)");
        expect("$'1e+308'",
                "return cjson.encode(1e308)");
        expect("$'1.2345678901234e+14'",
                "return cjson.encode(123456789012345)");
        expect("$'1e-07'",
                "return cjson.encode(1e-7)");
        expect("$'1e+15'",
                "return cjson.encode(1e15)");
        expect("$'1e+14'",
                "return cjson.encode(1e14)");
        expect("$'0.3'",
                "return cjson.encode(0.1 + 0.2)");
        expect("$'-1e-300'",
                "return cjson.encode(-1e-300)");
        expect("$'4.9406564584125e-324'",
                "return cjson.encode(5e-324)");
        expect("$'1.7976931348623e+308'",
                "return cjson.encode(1.7976931348623157e308)");
        expect("$'0.0001'",
                "return cjson.encode(0.0001)");
        expect("$'1e-05'",
                "return cjson.encode(0.00001)");
        expect("$'1e+14'",
                "return cjson.encode(99999999999999.5)");
        expect("$'{\"x\":1.25}'",
                "return cjson.encode({x = 1.25})");
    }

    @Test
    void encode_strings_escapeLikeLuaCjson_matchesRedis() {
        expect("$'\"quote\\x5c\" backslash\\x5c\\x5c slash\\x5c/ nl\\x5cn cr\\x5cr tab\\x5ct bs"
                + "\\x5cb ff\\x5cf nul\\x5cu0000 ctl\\x5cu0001\\x5cu001f del\\x5cu007f hi\\xff\\x"
                + "c3\\xa9\"'",
                "return cjson.encode(ARGV[1])", "quote\" backslash\\ slash/ nl\012 cr\015 tab\011 bs\010 ff\014 nul\000 ctl\001\037 del\177 hi\377\303\251");
        expect("$'\"\\x5cu0000\\x5cu0001\\x5cu007f\\x80\\xff\"'",
                "return cjson.encode(string.char(0, 1, 127, 128, 255))");
        expect("$'{\"a\\x5c\"b\":\"c\\x5c/d\"}'",
                "return cjson.encode({['a\"b'] = 'c/d'})");
    }

    @Test
    void encode_tables_arraysAndObjects_matchesRedis() {
        expect("$'{}'",
                "return cjson.encode({})");
        expect("$'[1,2,3]'",
                "return cjson.encode({1, 2, 3})");
        expect("$'[\"a\",[\"b\",{}],true,false]'",
                "return cjson.encode({'a', {'b', {}}, true, false})");
        expect("$'{\"a\":1}'",
                "return cjson.encode({a = 1})");
        expect("$'{\"a\":{\"b\":{\"c\":{}}}}'",
                "return cjson.encode({a = {b = {c = {}}}})");
        expect("$'[1,null,3]'",
                "return cjson.encode({1, cjson.null, 3})");
        expect("$'{\"k\":null}'",
                "return cjson.encode({k = cjson.null})");
        expect("$'[{},[{}]]'",
                "return cjson.encode({{}, {{}}})");
        expect("$'{\"0\":\"x\"}'",
                "return cjson.encode({[0] = 'x'})");
        expect("$'{\"-1\":\"x\"}'",
                "return cjson.encode({[-1] = 'x'})");
        expect("$'{\"1.5\":\"x\"}'",
                "return cjson.encode({[1.5] = 'x'})");
        expect("$'{\"1\":1}'",
                "return cjson.encode({['1'] = 1})");
        expect("$'{\"9.007199254741e+15\":1}'",
                "return cjson.encode({[2^53] = 1})");
        expect("$'{\"10000000000\":\"x\"}'",
                "return cjson.encode({[1e10]='x'})");
        expect("$'{\"1\":\"a\",\"10000000000\":\"x\"}'",
                "return cjson.encode({[1]='a', [1e10]='x'})");
        expect("$'{\"1\":1,\"2\":2,\"x\":3}'",
                "return cjson.encode({1, 2, x = 3})");
    }

    @Test
    void encode_sparseArrays_holesOrError_matchesRedis() {
        expect("$'[\"x\",null,\"z\"]'",
                "return cjson.encode({[1] = 'x', [3] = 'z'})");
        expect("-ERR user_script:1: Cannot serialise table: excessively sparse array",
                "return cjson.encode({[1] = 'x', [20] = 'z'})");
        expect("$'[null,\"x\"]'",
                "return cjson.encode({[2] = 'x'})");
        expect("$'[1,2,null,4]'",
                "return cjson.encode({[1] = 1, [2] = 2, [4] = 4})");
        expect("-ERR user_script:1: Cannot serialise table: excessively sparse array",
                "return cjson.encode({[11] = 1})");
        expect("$'[null,null,null,null,null,null,null,null,null,1]'",
                "return cjson.encode({[10] = 1})");
        expect("$'[1,2,3,4,5,null,null,null,null,null,null,1]'",
                "return cjson.encode({[12] = 1, [1] = 1, [2] = 2, [3] = 3, [4] = 4, [5] = 5})");
    }

    @Test
    void encode_badValues_raiseLuaCjsonErrors_matchesRedis() {
        expect("-ERR user_script:1: Cannot serialise number: must not be NaN or Inf",
                "return cjson.encode(1/0)");
        expect("-ERR user_script:1: Cannot serialise number: must not be NaN or Inf",
                "return cjson.encode(-1/0)");
        expect("-ERR user_script:1: Cannot serialise number: must not be NaN or Inf",
                "return cjson.encode(0/0)");
        expect("-ERR user_script:1: Cannot serialise number: must not be NaN or Inf",
                "return cjson.encode({[1/0]=1})");
        expect("-ERR user_script:1: bad argument #1 to 'encode' (expected 1 argument)",
                "return cjson.encode()");
        expect("-ERR user_script:1: bad argument #1 to 'encode' (expected 1 argument)",
                "return cjson.encode(1, 2)");
        expect("-ERR user_script:1: Cannot serialise function: type not supported",
                "return cjson.encode(function() end)");
        expect("-ERR user_script:1: Cannot serialise thread: type not supported",
                "return cjson.encode(coroutine.create(function() end))");
        expect("-ERR user_script:1: Cannot serialise boolean: table key must be a numb"
                + "er or string",
                "return cjson.encode({[true] = 'x'})");
        expect("-ERR user_script:1: calling 'encode' on bad self (expected 1 argument)",
                "return cjson:encode({1})");
        expect("[$-1, $'bad argument #1 to \\x27?\\x27 (expected 1 argument)']",
                "return {pcall(cjson.encode)}");
        expect("[$-1, $'Cannot serialise number: must not be NaN or Inf']",
                "return {pcall(cjson.encode, 1/0)}");
    }

    @Test
    void encode_nestedTable_limitsDepth_matchesRedis() {
        expect("-ERR user_script:1: Cannot serialise, excessive nesting (1001)",
                "local t = {}; local c = t; for i = 1, 1100 do c[1] = {}; c = c[1] end;"
                + " return cjson.encode(t)");
        expect("-ERR user_script:1: Cannot serialise, excessive nesting (1001)",
                "local t = {}; t[1] = t; return cjson.encode(t)");
        expect("-ERR user_script:1: Cannot serialise, excessive nesting (1001)",
                "local t = {} for i = 1, 1000 do t = {t} end return #cjson.encode(t)");
        expect(":2000",
                "local t = {} for i = 1, 999 do t = {t} end return #cjson.encode(t)");
        expect("-ERR user_script:1: Cannot serialise, excessive nesting (1001)",
                "local t = {} for i = 1, 1000 do t = {a = t} end return cjson.encode(t)");
        expect(":15802",
                "local c = cjson.new() c.encode_max_depth(100000) local t = {} for i = "
                + "1, 7900 do t = {t} end return #c.encode(t)");
        expect("-ERR user_script:1: Cannot serialise, excessive nesting (7998)",
                "local c = cjson.new() c.encode_max_depth(100000) local t = {} for i = "
                + "1, 8100 do t = {t} end return #c.encode(t)");
        expect(":23942",
                "local c = cjson.new() c.encode_max_depth(100000) local t = {} for i = "
                + "1, 3990 do t = {a = t} end return #c.encode(t)");
        expect("-ERR user_script:1: Cannot serialise, excessive nesting (4000)",
                "local c = cjson.new() c.encode_max_depth(100000) local t = {} for i = "
                + "1, 4010 do t = {a = t} end return #c.encode(t)");
        expect(":588896",
                "local t = {} for i = 1, 100000 do t[i] = i end return #cjson.encode(t)");
    }
}
