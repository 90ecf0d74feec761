package io.goredis.command.script.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * cjson.decode: values, strtod numbers, unicode escapes, cjson.null, C-string input, error texts
 * and nesting limits, each compared with redis-server 7.0.15's answer.
 *
 * <p>The expected replies were captured from a real redis-server 7.0.15 (see {@link LibSandbox} for
 * their text form); the unit tests need no server.
 */
class CJsonDecodeTest {

    private final LibSandbox lua = new LibSandbox();

    @AfterEach
    void close() {
        lua.close();
    }

    private void expect(String expected, String script, String... argv) {
        assertEquals(expected, lua.eval(script, argv), script);
    }

    @Test
    void decode_values_matchesRedis() {
        expect("[:1, :2, :3]",
                "return cjson.decode('[1, 2, 3]')");
        expect(":42",
                "return cjson.decode('{\"a\": 42}').a");
        expect("$'str'",
                "return cjson.decode('\"str\"')");
        expect(":1",
                "return cjson.decode('true')");
        expect("$-1",
                "return cjson.decode('false')");
        expect("[:10, :20]",
                "return cjson.decode('{\"x\": {\"y\": [10, 20]}}').x.y");
        expect("[]",
                "return cjson.decode('[]')");
        expect("$'table'",
                "return type(cjson.decode('{}'))");
        expect("$'[1,[2,[3]],{\"k\":\"v\"}]'",
                "return cjson.encode(cjson.decode('[1,[2,[3]],{\"k\":\"v\"}]'))");
        expect("$'[0.1,10000000000,-5,100]'",
                "return cjson.encode(cjson.decode('[0.1, 1e10, -5, 1E2]'))");
        expect("[$'a', $'b']",
                "return cjson.decode(ARGV[1])", "[\"a\", \"b\"]");
        expect("[:1]",
                "return cjson.decode(' [ 1 ] ')");
        expect(":2",
                "return cjson.decode('{\"a\":1, \"a\":2}').a");
        expect(":1",
                "return cjson.decode('{\"\":1}')['']");
        expect(":1",
                "return cjson.decode('[1, [2, [3, {\"a\": [true, false, null]}]]]')[2][2][2].a[1]");
        expect(":1",
                "return cjson.decode('[' .. string.rep('1,', 3000) .. '1]')[3001]");
        expect(":1",
                "return cjson.decode(1)");
        expect("$'\\xff\\xfe raw'",
                "return cjson.decode(ARGV[1])", "\"\377\376 raw\"");
    }

    @Test
    void decode_numbers_parseLikeStrtod_matchesRedis() {
        expect("$'1.5'",
                "return tostring(cjson.decode('1.5'))");
        expect("$'-0'",
                "return tostring(cjson.decode('-0'))");
        expect("$'inf'",
                "return tostring(cjson.decode('1e400'))");
        expect("$'1.2345678901235e+29'",
                "return tostring(cjson.decode('123456789012345678901234567890'))");
        expect("$'0.1'",
                "return tostring(cjson.decode('0.1'))");
        expect(":16",
                "return cjson.decode('0x10')");
        expect("$'nan'",
                "return tostring(cjson.decode('NaN'))");
        expect("$'-inf'",
                "return tostring(cjson.decode('-Infinity'))");
        expect(":1",
                "return cjson.decode('+1')");
        expect(":-5",
                "return cjson.decode('-.5') * 10");
        expect(":1",
                "return cjson.decode('1.') ");
        expect("$'nan'",
                "return tostring(cjson.decode('nan(123)'))");
        expect("$'-nan'",
                "return tostring(cjson.decode('-nan'))");
        expect("$'inf'",
                "return tostring(cjson.decode('infinity'))");
        expect(":16",
                "return cjson.decode('0x1p4')");
        expect("$'inf'",
                "return tostring(cjson.decode('Inf'))");
        expect("$'0'",
                "return tostring(cjson.decode('1e-400'))");
        expect("$'-0'",
                "return tostring(cjson.decode('-1e-400'))");
        expect("$'100'",
                "return tostring(cjson.decode('1E+2'))");
        expect("$'12'",
                "return tostring(cjson.decode('00012'))");
        expect("$'3'",
                "return tostring(cjson.decode('0x1.8p1'))");
        expect("$'4.7223664828696e+21'",
                "return tostring(cjson.decode('0xffffffffffffffffff'))");
        expect("$'-16'",
                "return tostring(cjson.decode('-0x10'))");
        expect("$'0.25'",
                "return tostring(cjson.decode('0x1P-2'))");
        expect("$'inf'",
                "return tostring(cjson.decode('INFINITY'))");
        expect("$'nan'",
                "return tostring(cjson.decode('[nan(abc_1)]')[1])");
        expect("$'2.2250738585072e-308'",
                "return tostring(cjson.decode('2.2250738585072011e-308'))");
        expect("$'inf'",
                "return tostring(cjson.decode('1' .. string.rep('0', 400)))");
        expect("$'inf'",
                "return tostring(cjson.decode('1e99999999999999999999'))");
        expect("$'0'",
                "return tostring(cjson.decode('0.' .. string.rep('0', 400) .. '1'))");
        expect("-ERR user_script:1: Expected the end but found invalid token at character 2",
                "return cjson.decode('1e') ");
        expect("-ERR user_script:1: Expected the end but found invalid token at character 2",
                "return cjson.decode('0x')");
        expect("-ERR user_script:1: Expected the end but found invalid token at character 2",
                "return tostring(cjson.decode('1e+'))");
        expect("-ERR user_script:1: Expected the end but found invalid token at character 4",
                "return tostring(cjson.decode('0x1p'))");
        expect("-ERR user_script:1: Expected the end but found invalid token at character 4",
                "return tostring(cjson.decode('nan('))");
        expect("-ERR user_script:1: Expected the end but found invalid token at character 4",
                "return tostring(cjson.decode('infin'))");
        expect("-ERR user_script:1: Expected value but found invalid number at character 1",
                "return cjson.decode('-')");
        expect("-ERR user_script:1: Expected value but found invalid token at character 1",
                "return cjson.decode('in')");
    }

    @Test
    void decode_unicodeEscapes_becomeUtf8_matchesRedis() {
        expect("$'\\xc3\\xa9\\x0a\\x09/\\x5c'",
                "return cjson.decode('\"\\\\u00e9\\\\n\\\\t\\\\/\\\\\\\\\"')");
        expect("$'\\xf0\\x9f\\x98\\x80'",
                "return cjson.decode('\"\\\\ud83d\\\\ude00\"')");
        expect("$'\\x00'",
                "return cjson.decode('\"\\\\u0000\"')");
        expect("$'\\xe2\\x82\\xac\\xef\\xbf\\xbf\\xdf\\xbf\\xc2\\x80'",
                "return cjson.decode('\"\\\\u20AC\\\\uFFFF\\\\u07ff\\\\u0080\"')");
        expect("$'\\xf0\\x9d\\x84\\x9e'",
                "return cjson.decode('\"\\\\uD834\\\\uDD1E\"')");
        expect("$'\\x08\\x0c\\x0d\"'",
                "return cjson.decode('\"\\\\b\\\\f\\\\r\\\\\"\"')");
        expect("$'tab\\x09here'",
                "return cjson.decode('\"tab\011here\"')");
        expect("-ERR user_script:1: Expected value but found invalid escape code at character 2",
                "return cjson.decode('\"\\\\x\"')");
        expect("-ERR user_script:1: Expected value but found invalid unicode escape co"
                + "de at character 2",
                "return cjson.decode('\"\\\\uzzzz\"')");
        expect("-ERR user_script:1: Expected value but found invalid unicode escape co"
                + "de at character 2",
                "return cjson.decode('\"\\\\ud800\"')");
        expect("-ERR user_script:1: Expected value but found invalid unicode escape co"
                + "de at character 2",
                "return cjson.decode('\"\\\\udc00\"')");
        expect("-ERR user_script:1: Expected value but found invalid unicode escape co"
                + "de at character 2",
                "return cjson.decode('\"\\\\ud800\\\\u0041\"')");
        expect("-ERR user_script:1: Expected value but found invalid unicode escape co"
                + "de at character 2",
                "return cjson.decode('\"\\\\ud800\\\\udbff\"')");
        expect("-ERR user_script:1: Expected value but found invalid unicode escape co"
                + "de at character 2",
                "return cjson.decode('\"\\\\ud800x\"')");
        expect("-ERR user_script:1: Expected value but found invalid unicode escape co"
                + "de at character 2",
                "return cjson.decode('\"\\\\u00\"')");
        expect("-ERR user_script:1: Expected value but found unexpected end of string "
                + "at character 4",
                "return cjson.decode('\"\\\\\"')");
    }

    @Test
    void decode_null_isCjsonNull_matchesRedis() {
        expect("$'userdata'",
                "return type(cjson.decode('null'))");
        expect(":1",
                "return cjson.decode('null') == cjson.null");
        expect("$'false'",
                "return tostring(cjson.decode('null') == nil)");
        expect("[:1, $-1, :3]",
                "return cjson.decode('[1, null, 3]')");
        expect(":3",
                "return #cjson.decode('[1, null, 3]')");
        expect("$'{\"a\":null}'",
                "return cjson.encode(cjson.decode('{\"a\":null}'))");
        expect("$'userdata: (nil)'",
                "return tostring(cjson.null)");
        expect("$'userdata'",
                "return type(cjson.null)");
        expect("$-1",
                "return cjson.null == nil");
    }

    @Test
    void decode_readsInputAsCString_matchesRedis() {
        expect("-ERR user_script:1: JSON parser does not support UTF-16 or UTF-32",
                "return cjson.decode('\\0a')");
        expect("-ERR user_script:1: Expected value but found unexpected end of string "
                + "at character 3",
                "return cjson.decode('\"a\\0b\"')");
        expect("[:1]",
                "return cjson.decode('[1]\\0xx')");
        expect("-ERR user_script:1: JSON parser does not support UTF-16 or UTF-32",
                "return cjson.decode(ARGV[1])", "1\000");
        expect(":12",
                "return cjson.decode(ARGV[1])", "12\000");
        expect("-ERR user_script:1: Expected value but found T_END at character 1",
                "return cjson.decode(ARGV[1])", "\000");
        expect("-ERR user_script:1: Expected value but found invalid token at character 1",
                "return cjson.decode(ARGV[1])", "\357\273\2771");
    }

    @Test
    void decode_invalidJson_raisesLuaCjsonTexts_matchesRedis() {
        expect("-ERR user_script:1: Expected value but found T_END at character 1",
                "return cjson.decode('')");
        expect("-ERR user_script:1: Expected value but found T_END at character 3",
                "return cjson.decode('  ')");
        expect("-ERR user_script:1: Expected object key string but found T_END at character 2",
                "return cjson.decode('{')");
        expect("-ERR user_script:1: Expected comma or array end but found T_END at character 6",
                "return cjson.decode('[1, 2')");
        expect("-ERR user_script:1: Expected value but found T_ARR_END at character 4",
                "return cjson.decode('[1,]')");
        expect("-ERR user_script:1: Expected colon but found T_NUMBER at character 6",
                "return cjson.decode('{\"a\" 1}')");
        expect("-ERR user_script:1: Expected object key string but found T_NUMBER at character 2",
                "return cjson.decode('{1: 2}')");
        expect("-ERR user_script:1: Expected value but found invalid token at character 1",
                "return cjson.decode('nul')");
        expect("-ERR user_script:1: Expected value but found unexpected end of string "
                + "at character 14",
                "return cjson.decode('\"unterminated')");
        expect("-ERR user_script:1: Expected the end but found invalid token at character 5",
                "return cjson.decode('[1] x')");
        expect("-ERR user_script:1: Expected object key string but found T_OBJ_END at "
                + "character 8",
                "return cjson.decode('{\"a\":1,}')");
        expect("-ERR user_script:1: Expected comma or object end but found T_NUMBER at"
                + " character 8",
                "return cjson.decode('{\"a\":1 2}')");
        expect("-ERR user_script:1: Expected comma or array end but found T_NUMBER at "
                + "character 4",
                "return cjson.decode('[1 2]')");
        expect("-ERR user_script:1: Expected value but found invalid token at character 1",
                "return cjson.decode('tru')");
        expect("-ERR user_script:1: Expected value but found invalid token at character 1",
                "return cjson.decode('\\1')");
        expect("-ERR user_script:1: Expected the end but found invalid token at character 6",
                "return cjson.decode('falsey')");
        expect("-ERR user_script:1: Expected the end but found invalid token at character 5",
                "return cjson.decode('truex')");
        expect("-ERR user_script:1: Expected comma or array end but found T_OBJ_END at"
                + " character 3",
                "return cjson.decode('[1}')");
        expect("-ERR user_script:1: Expected value but found T_OBJ_END at character 6",
                "return cjson.decode('{\"a\":}')");
        expect("-ERR user_script:1: Expected value but found T_COLON at character 1",
                "return cjson.decode(':')");
        expect("-ERR user_script:1: Expected value but found T_ARR_END at character 1",
                "return cjson.decode(']')");
        expect("-ERR user_script:1: Expected colon but found T_END at character 5",
                "return cjson.decode('{\"a\"')");
        expect("-ERR user_script:1: Expected comma or object end but found T_END at character 7",
                "return cjson.decode('{\"a\":1')");
        expect("-ERR user_script:1: Expected value but found T_END at character 2",
                "return cjson.decode('[')");
        expect("-ERR user_script:1: Expected value but found invalid escape code at character 4",
                "return cjson.decode('[\"a\\\\')");
        expect("-ERR user_script:1: bad argument #1 to 'decode' (expected 1 argument)",
                "return cjson.decode()");
        expect("-ERR user_script:1: bad argument #1 to 'decode' (expected 1 argument)",
                "return cjson.decode('[1, 2]', 3)");
        expect("-ERR user_script:1: bad argument #1 to 'decode' (string expected, got table)",
                "return cjson.decode({})");
        expect("-ERR user_script:1: bad argument #1 to 'decode' (string expected, got nil)",
                "return cjson.decode(nil)");
        expect("-ERR user_script:1: bad argument #1 to 'decode' (string expected, got boolean)",
                "return cjson.decode(true)");
        expect("[$-1, $'Expected object key string but found T_END at character 2']",
                "return {pcall(cjson.decode, '{')}");
        expect("$'Expected object key string but found T_END at character 2'",
                "local ok, e = pcall(cjson.decode, '{'); return e");
    }

    @Test
    void decode_nestedDocument_limitsDepth_matchesRedis() {
        expect("-ERR user_script:1: Found too many nested data structures (1001) at ch"
                + "aracter 1001",
                "return cjson.decode(string.rep('[', 1001) .. string.rep(']', 1001))");
        expect(":2000",
                "return #cjson.encode(cjson.decode(string.rep('[', 1000) .. string.rep("
                + "']', 1000)))");
        expect("-ERR user_script:1: Found too many nested data structures (1001) at ch"
                + "aracter 5001",
                "return cjson.decode(string.rep('{\"a\":', 1001) .. '1' .. string.rep('}', 1001))");
        expect("-ERR user_script:1: Expected comma or array end but found T_END at cha"
                + "racter 2001",
                "return cjson.decode(string.rep('[', 1000) .. '1' .. string.rep(']', 999))");
        expect("-ERR user_script:1: Cannot serialise, excessive nesting (1001)",
                "local c = cjson.new() c.decode_max_depth(100000) return #cjson.encode("
                + "c.decode(string.rep('[', 2600) .. string.rep(']', 2600)))");
        expect("$'table'",
                "local c = cjson.new() c.decode_max_depth(100000) return type(c.decode("
                + "string.rep('[', 4100) .. string.rep(']', 4100)))");
        expect("$'table'",
                "local c = cjson.new() c.decode_max_depth(100000) return type(c.decode("
                + "string.rep('{\"a\":', 2660) .. '1' .. string.rep('}', 2660)))");
        expect("$'table'",
                "local c = cjson.new() c.decode_max_depth(100000) return type(c.decode("
                + "string.rep('{\"a\":', 2670) .. '1' .. string.rep('}', 2670)))");
        expect(":200000",
                "return #cjson.decode(cjson.encode(string.rep('\"\\\\', 100000)))");
    }
}
