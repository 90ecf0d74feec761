package io.goredis.command.script.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * cmsgpack: the encoding chosen for each integer width, floats, strings and tables, multiple
 * values, unpack / unpack_one / unpack_limit and their errors, each compared with redis-server
 * 7.0.15's answer.
 *
 * <p>The expected replies were captured from a real redis-server 7.0.15 (see {@link LibSandbox} for
 * their text form); the unit tests need no server.
 */
class CMsgPackTest {

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
    void pack_integers_smallestEncoding_matchesRedis() {
        expect("$'\\x00'",
                "return cmsgpack.pack(0)");
        expect("$'\\x01'",
                "return cmsgpack.pack(1)");
        expect("$'\\x7f'",
                "return cmsgpack.pack(127)");
        expect("$'\\xcc\\x80'",
                "return cmsgpack.pack(128)");
        expect("$'\\xcc\\xff'",
                "return cmsgpack.pack(255)");
        expect("$'\\xcd\\x01\\x00'",
                "return cmsgpack.pack(256)");
        expect("$'\\xcd\\xff\\xff'",
                "return cmsgpack.pack(65535)");
        expect("$'\\xce\\x00\\x01\\x00\\x00'",
                "return cmsgpack.pack(65536)");
        expect("$'\\xce\\xff\\xff\\xff\\xff'",
                "return cmsgpack.pack(4294967295)");
        expect("$'\\xcf\\x00\\x00\\x00\\x01\\x00\\x00\\x00\\x00'",
                "return cmsgpack.pack(4294967296)");
        expect("$'\\xcf\\x00 \\x00\\x00\\x00\\x00\\x00\\x00'",
                "return cmsgpack.pack(2^53)");
        expect("$'\\xcf@\\x00\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return cmsgpack.pack(2^62)");
        expect("$'\\xff'",
                "return cmsgpack.pack(-1)");
        expect("$'\\xe0'",
                "return cmsgpack.pack(-32)");
        expect("$'\\xd0\\xdf'",
                "return cmsgpack.pack(-33)");
        expect("$'\\xd0\\x80'",
                "return cmsgpack.pack(-128)");
        expect("$'\\xd1\\xff\\x7f'",
                "return cmsgpack.pack(-129)");
        expect("$'\\xd1\\x80\\x00'",
                "return cmsgpack.pack(-32768)");
        expect("$'\\xd2\\xff\\xff\\x7f\\xff'",
                "return cmsgpack.pack(-32769)");
        expect("$'\\xd2\\x80\\x00\\x00\\x00'",
                "return cmsgpack.pack(-2147483648)");
        expect("$'\\xd3\\xff\\xff\\xff\\xff\\x7f\\xff\\xff\\xff'",
                "return cmsgpack.pack(-2147483649)");
        expect("$'\\xd3\\xff\\xe0\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return cmsgpack.pack(-2^53)");
        expect("$'\\xd3\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return cmsgpack.pack(-2^63)");
        expect("$'\\x00'",
                "return cmsgpack.pack(-0.0)");
    }

    @Test
    void pack_floats_float32WhenExact_matchesRedis() {
        expect("$'\\xca?\\xc0\\x00\\x00'",
                "return cmsgpack.pack(1.5)");
        expect("$'\\xcb?\\xb9\\x99\\x99\\x99\\x99\\x99\\x9a'",
                "return cmsgpack.pack(0.1)");
        expect("$'\\xca\\xc0\\x10\\x00\\x00'",
                "return cmsgpack.pack(-2.25)");
        expect("$'\\xcb~7\\xe4<\\x88\\x00u\\x9c'",
                "return cmsgpack.pack(1e300)");
        expect("$'\\xca\\x7f\\x80\\x00\\x00'",
                "return cmsgpack.pack(1/0)");
        expect("$'\\xca\\xff\\x80\\x00\\x00'",
                "return cmsgpack.pack(-1/0)");
        expect("$'\\xcb\\xff\\xf8\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return cmsgpack.pack(0/0)");
        expect("$'\\xcb\\x7f\\xf8\\x00\\x00\\x00\\x00\\x00\\x00'",
                "return cmsgpack.pack(-(0/0))");
        expect("$'\\xca_\\x80\\x00\\x00'",
                "return cmsgpack.pack(2^64)");
        expect("$'\\xca_\\x00\\x00\\x00'",
                "return cmsgpack.pack(2^63)");
        expect("$'\\xcbD\\x15\\xaf\\x1dx\\xb5\\x8c@'",
                "return cmsgpack.pack(1e20)");
        expect("$'\\xca\\x7f\\x7f\\xff\\xff'",
                "return cmsgpack.pack(3.4028234663852886e38)");
        expect("$'\\xcb6\\x96\\xd6\\x01\\xad7j\\xb9'",
                "return cmsgpack.pack(1e-45)");
        expect("$'\\xca?\\x00\\x00\\x00\\xca>\\x80\\x00\\x00'",
                "return cmsgpack.pack(0.5, 0.25)");
    }

    @Test
    void pack_strings_byLength_matchesRedis() {
        expect("$'\\xa0'",
                "return cmsgpack.pack('')");
        expect("$'\\xa3abc'",
                "return cmsgpack.pack('abc')");
        expect("$'\\xbfxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
                "return cmsgpack.pack(string.rep('x', 31))");
        expect("$'\\xd9 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
                "return cmsgpack.pack(string.rep('x', 32))");
        expect("$'\\xd9\\xffyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
                + "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
                + "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
                + "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'",
                "return cmsgpack.pack(string.rep('y', 255))");
        expect("$'\\xda\\x01\\x00zz'",
                "return cmsgpack.pack(string.rep('z', 256)):sub(1, 5)");
        expect("$'\\xda\\xff\\xffa'",
                "return cmsgpack.pack(string.rep('a', 65535)):sub(1, 4)");
        expect("$'\\xdb\\x00\\x01\\x00\\x00www'",
                "return string.sub(cmsgpack.pack(string.rep('w', 65536)), 1, 8)");
        expect(":65541",
                "return #cmsgpack.pack(string.rep('w', 65536))");
        expect("$'\\xa4\\x00\\xff\\x0d\\x0a'",
                "return cmsgpack.pack(ARGV[1])", "\000\377\015\012");
    }

    @Test
    void pack_otherValues_matchesRedis() {
        expect("$'\\xc3'",
                "return cmsgpack.pack(true)");
        expect("$'\\xc2'",
                "return cmsgpack.pack(false)");
        expect("$'\\xc0'",
                "return cmsgpack.pack(nil)");
        expect("$'\\xc0'",
                "return cmsgpack.pack(function() end)");
        expect("$'\\xc0'",
                "return cmsgpack.pack(cjson.null)");
        expect("$'\\xc0'",
                "return cmsgpack.pack(coroutine.create(function() end))");
        expect("$'\\x01\\xa3two\\x91\\x03'",
                "return cmsgpack.pack(1, 'two', {3})");
        expectWithKeys("$'\\x92\\xa1a\\xa1b\\x91\\xa1c'", "return cmsgpack.pack(KEYS, ARGV)", List.of("a", "b"), List.of("c"));
        expect("-ERR user_script:1: bad argument #0 to 'pack' (MessagePack pack needs input.)",
                "return cmsgpack.pack()");
        expect(":11618",
                "local t = {} return #cmsgpack.pack(unpack((function() for i = 1, 4000 "
                + "do t[i] = i end return t end)()))");
        expect("-ERR user_script:1: bad argument #0 to 'pack' (Too many arguments for "
                + "MessagePack pack.)",
                "local t = {} return #cmsgpack.pack(unpack((function() for i = 1, 4001 "
                + "do t[i] = i end return t end)()))");
    }

    @Test
    void pack_tables_arrayOnlyForOneToN_matchesRedis() {
        expect("$'\\x90'",
                "return cmsgpack.pack({})");
        expect("$'\\x93\\x01\\x02\\x03'",
                "return cmsgpack.pack({1, 2, 3})");
        expect("$'\\x93\\x01\\x92\\x02\\x91\\x03\\xa1x'",
                "return cmsgpack.pack({1, {2, {3}}, 'x'})");
        expect("$'\\x81\\xa1a\\x01'",
                "return cmsgpack.pack({a = 1})");
        expect("$'\\x81\\xa1a\\x81\\xa1b\\xa1c'",
                "return cmsgpack.pack({a = {b = 'c'}})");
        expect("$'\\x83\\x01\\x01\\x02\\x02\\x04\\x04'",
                "return cmsgpack.pack({1, 2, nil, 4})");
        expect("$'\\x82\\x01\\xa1a\\x03\\xa1c'",
                "return cmsgpack.pack({[1] = 'a', [3] = 'c'})");
        expect("$'\\xdc\\x00\\x10\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x09\\x0a\\x0b\\x0c\\x0d\\x0e\\x0f\\x10'",
                "local t = {}; for i = 1, 16 do t[i] = i end; return cmsgpack.pack(t)");
        expect("$'\\x9f\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x09\\x0a\\x0b\\x0c\\x0d\\x0e\\x0f'",
                "local t = {}; for i = 1, 15 do t[i] = i end; return cmsgpack.pack(t)");
        expect("[:70005, $'\\xdd\\x00\\x01\\x11p\\x00\\x00']",
                "local t = {}; for i = 1, 70000 do t[i] = 0 end; local p = cmsgpack.pac"
                + "k(t); return {#p, string.sub(p, 1, 7)}");
        expect("$'\\x81\\xca?\\xc0\\x00\\x00\\x01'",
                "return cmsgpack.pack({[1.5] = 1})");
        expect("$'\\x81\\x00\\x01'",
                "return cmsgpack.pack({[0] = 1})");
        expect("$'\\x81\\xa11\\x01'",
                "return cmsgpack.pack({['1'] = 1})");
        expect("$'\\x81\\xce\\x80\\x00\\x00\\x00\\x01'",
                "return cmsgpack.pack({[2^31] = 1})");
        expect("$'\\x81\\xff\\x01'",
                "return cmsgpack.pack({[-1] = 1})");
        expect("$'\\x91\\xc3'",
                "return cmsgpack.pack({true})");
        expect("$'\\x81\\xc3\\xc2'",
                "return cmsgpack.pack({[true] = false})");
        expect("$'\\x81\\x90\\x01'",
                "return cmsgpack.pack({[{}] = 1})");
        expect("$'\\x91\\xc0'",
                "return cmsgpack.pack({cjson.null})");
        expect(":74",
                "local t = {} for i = 1, 16 do t['k' .. i] = i end return #cmsgpack.pack(t)");
        expect("$'\\xde\\x00\\x10'",
                "local t = {} for i = 1, 16 do t['k' .. i] = i end return string.sub(cm"
                + "sgpack.pack(t), 1, 3)");
        expect("$'\\xdf\\x00\\x01\\x11p'",
                "local t = {} for i = 1, 70000 do t['k' .. i] = 1 end return string.sub"
                + "(cmsgpack.pack(t), 1, 5)");
    }

    @Test
    void pack_nestedTable_becomesNilAtDepthSixteen_matchesRedis() {
        expect("$'\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\xc0'",
                "local t = {} for i = 1, 20 do t = {t} end return cmsgpack.pack(t)");
        expect("$'\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\"
                + "xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x81\\xa1a\\x8"
                + "1\\xa1a\\xc0'",
                "local t = {} for i = 1, 20 do t = {a = t} end return cmsgpack.pack(t)");
        expect("$'\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\x91\\xc0'",
                "local t = {} t[1] = t return cmsgpack.pack(t)");
    }

    @Test
    void unpack_roundTrips_matchesRedis() {
        expect(":-129",
                "return cmsgpack.unpack(cmsgpack.pack(-129))");
        expect("[:0, :127, :128, :255, :256, :65535, :65536, :4294967295, :4294967296]",
                "return {cmsgpack.unpack(cmsgpack.pack(0, 127, 128, 255, 256, 65535, 65"
                + "536, 4294967295, 4294967296))}");
        expect("[:-1, :-32, :-33, :-128, :-129, :-32768, :-32769, :-2147483648, :-2147483649]",
                "return {cmsgpack.unpack(cmsgpack.pack(-1, -32, -33, -128, -129, -32768"
                + ", -32769, -2147483648, -2147483649))}");
        expect("$'1.5'",
                "return tostring(cmsgpack.unpack(cmsgpack.pack(1.5)))");
        expect("$'0.1'",
                "return tostring(cmsgpack.unpack(cmsgpack.pack(0.1)))");
        expect("$'9.007199254741e+15'",
                "return tostring(cmsgpack.unpack(cmsgpack.pack(2^53)))");
        expect("$'abc'",
                "return cmsgpack.unpack(cmsgpack.pack('abc'))");
        expect(":70000",
                "return #cmsgpack.unpack(cmsgpack.pack(string.rep('z', 70000)))");
        expect("[:1, [:2, [:3]], $'x']",
                "return cmsgpack.unpack(cmsgpack.pack({1, {2, {3}}, 'x'}))");
        expect("$'c'",
                "return cmsgpack.unpack(cmsgpack.pack({a = {b = 'c'}})).a.b");
        expect("[:1, $-1]",
                "return {cmsgpack.unpack(cmsgpack.pack(true, false))}");
        expect("$'nil'",
                "return type(cmsgpack.unpack(cmsgpack.pack(nil)))");
        expect(":100000",
                "local t = {} for i = 1, 100000 do t[i] = 'x' .. i end return #cmsgpack"
                + ".unpack(cmsgpack.pack(t))");
    }

    @Test
    void unpack_everyType_matchesRedis() {
        expect("[:1, :2, :3]",
                "return cmsgpack.unpack('\223\001\002\003')");
        expect("[$'a', :256]",
                "return cmsgpack.unpack(ARGV[1])", "\222\241a\315\001\000");
        expect("$'1.5'",
                "return tostring(cmsgpack.unpack(ARGV[1]))", "\312?\300\000\000");
        expect("[:1, :2, :3]",
                "return {cmsgpack.unpack(ARGV[1])}", "\001\002\003");
        expect("[:-1]",
                "return {cmsgpack.unpack('\317\377\377\377\377\377\377\377\377')}");
        expect("[$'-9.2233720368548e+18']",
                "return {tostring(cmsgpack.unpack('\317\200\000\000\000\000\000\000\001'))}");
        expect("[$'-9.2233720368548e+18']",
                "return {tostring(cmsgpack.unpack('\323\200\000\000\000\000\000\000\000'))}");
        expect("[:-128, :-32768, :-2147483648]",
                "return {cmsgpack.unpack('\320\200\321\200\000\322\200\000\000\000')}");
        expect("[:255, :65535, :4294967295]",
                "return {cmsgpack.unpack('\314\377\315\377\377\316\377\377\377\377')}");
        expect("[:-32, :-1, :127, :0]",
                "return {cmsgpack.unpack('\340\377\177\000')}");
        expect("[$'nan']",
                "return {tostring(cmsgpack.unpack('\313\177\370\000\000\000\000\000\000'))}");
        expect("[$'-nan']",
                "return {tostring(cmsgpack.unpack('\312\377\300\000\000'))}");
        expect("[$'0.10000000149012']",
                "return {tostring(cmsgpack.unpack('\312=\314\314\315'))}");
        expect("[$'abc', $'de', $'f']",
                "return {cmsgpack.unpack('\331\003abc\332\000\002de\333\000\000\000\001f')}");
        expect("[[]]",
                "return {cmsgpack.unpack('\202\241a\001\241b\002')}");
        expect(":2",
                "return cmsgpack.unpack('\202\241a\001\241b\002').b");
        expect("[[]]",
                "return {cmsgpack.unpack('\201\001\300')}");
        expect("[:1, :2, :3]",
                "return cmsgpack.unpack('\334\000\003\001\002\003')");
        expect("[:1, :2]",
                "return cmsgpack.unpack('\335\000\000\000\002\001\002')");
        expect("$'v'",
                "return cmsgpack.unpack('\336\000\001\241k\241v').k");
        expect("$'v'",
                "return cmsgpack.unpack('\337\000\000\000\001\241k\241v').k");
        expect("[:49, :50]",
                "return {cmsgpack.unpack(12)}");
        expect("[:1]",
                "return {cmsgpack.unpack('\001', 'x')}");
        expect("$-1",
                "return cmsgpack.unpack('')");
    }

    @Test
    void unpack_badInput_raises_matchesRedis() {
        expect("-ERR user_script:1: Missing bytes in input.",
                "return cmsgpack.unpack('\222\001')");
        expect("-ERR user_script:1: Bad data format in input.",
                "return cmsgpack.unpack('\301')");
        expect("-ERR user_script:1: bad argument #1 to 'unpack' (string expected, got no value)",
                "return cmsgpack.unpack()");
        expect("-ERR user_script:1: Missing bytes in input.",
                "return {cmsgpack.unpack('\331\005abc')}");
        expect("-ERR user_script:1: Missing bytes in input.",
                "return {cmsgpack.unpack('\333\000\000\000\005ab')}");
        expect("-ERR user_script:1: Missing bytes in input.",
                "return {cmsgpack.unpack('\315\001')}");
        expect("-ERR table index is nil",
                "return {cmsgpack.unpack('\201\300\001')}");
        expect("-ERR table index is NaN",
                "return {cmsgpack.unpack('\201\313\177\370\000\000\000\000\000\000\001')}");
        expect("[$-1, $'table index is nil']",
                "return {pcall(cmsgpack.unpack, '\201\300\001')}");
        expect("-ERR user_script:1: Missing bytes in input.",
                "return {cmsgpack.unpack('\335\377\377\377\377\001')}");
        expect("-ERR user_script:1: Missing bytes in input.",
                "return {cmsgpack.unpack('\221')}");
        expect("-ERR user_script:1: Bad data format in input.",
                "return {cmsgpack.unpack('\304\001a')}");
        expect("-ERR user_script:1: Bad data format in input.",
                "return {cmsgpack.unpack('\324\001a')}");
        expect("-ERR user_script:1: Bad data format in input.",
                "return {cmsgpack.unpack('\001\301')}");
        expect("-ERR user_script:1: bad argument #1 to 'unpack' (string expected, got table)",
                "return {cmsgpack.unpack({})}");
    }

    @Test
    void unpack_stackLimits_matchesRedis() {
        expect(":1",
                "return #cmsgpack.unpack(string.rep('\221', 3000) .. '\001')");
        expect("-ERR user_script:1: stack overflow (in function mp_decode_to_lua_array)",
                "return #cmsgpack.unpack(string.rep('\221', 4000) .. '\001')");
        expect("-ERR user_script:1: stack overflow (in function mp_decode_to_lua_array)",
                "return #cmsgpack.unpack(string.rep('\221', 5000) .. '\001')");
        expect("$'table'",
                "return type(cmsgpack.unpack(string.rep('\201\001', 3990) .. '\001'))");
        expect("-ERR user_script:1: stack overflow (too many return values at once; us"
                + "e unpack_one or unpack_limit instead.)",
                "return type(cmsgpack.unpack(string.rep('\201\001', 4000) .. '\001'))");
        expect("-ERR user_script:1: Missing bytes in input.",
                "return type(cmsgpack.unpack(string.rep('\201\221', 2000) .. '\001\001'))");
        expect(":7998",
                "return select('#', cmsgpack.unpack(string.rep('\001', 7998)))");
        expect(":7999",
                "return select('#', cmsgpack.unpack(string.rep('\001', 7999)))");
        expect(":7999",
                "return select('#', cmsgpack.unpack_limit(string.rep('\001', 7998), 7998))");
        expect("-ERR user_script:1: stack overflow (in function mp_unpack_full)",
                "return select('#', cmsgpack.unpack_limit(string.rep('\001', 7999), 7999))");
    }

    @Test
    void unpackOneAndLimit_returnOffsets_matchesRedis() {
        expect("[:1, :1]",
                "return {cmsgpack.unpack_one(ARGV[1])}", "\001\002\003");
        expect("[:-1, :3]",
                "return {cmsgpack.unpack_one(ARGV[1], 2)}", "\001\002\003");
        expect("[:-1]",
                "return {cmsgpack.unpack_one(ARGV[1], 3)}", "\001\002\003");
        expect("-ERR user_script:1: Start offset 4 greater than input length 3.",
                "return {cmsgpack.unpack_one(ARGV[1], 4)}", "\001\002\003");
        expect("-ERR user_script:1: Invalid request to unpack with offset of -1 and limit of 3.",
                "return {cmsgpack.unpack_one(ARGV[1], -1)}", "\001\002\003");
        expect("-ERR user_script:1: bad argument #2 to 'unpack_one' (number expected, "
                + "got string)",
                "return {cmsgpack.unpack_one(ARGV[1], 'x')}", "\001\002\003");
        expect("[:2, :2]",
                "return {cmsgpack.unpack_one(ARGV[1], '1')}", "\001\002\003");
        expect("-ERR user_script:1: bad argument #1 to 'unpack_one' (string expected, "
                + "got no value)",
                "return {cmsgpack.unpack_one()}");
        expect("[:-1]",
                "return {cmsgpack.unpack_one('')}");
        expect("[:2, :1, :2]",
                "return {cmsgpack.unpack_limit(ARGV[1], 2)}", "\001\002\003");
        expect("[:-1, :2, :3]",
                "return {cmsgpack.unpack_limit(ARGV[1], 2, 1)}", "\001\002\003");
        expect("[:1, :2, :3]",
                "return {cmsgpack.unpack_limit(ARGV[1], 0)}", "\001\002\003");
        expect("[:1]",
                "return {cmsgpack.unpack_limit(ARGV[1], 0, 1)}", "\001\002\003");
        expect("[:-1, :1, :2, :3]",
                "return {cmsgpack.unpack_limit(ARGV[1], 5)}", "\001\002\003");
        expect("-ERR user_script:1: Invalid request to unpack with offset of 0 and limit of 3.",
                "return {cmsgpack.unpack_limit(ARGV[1], -1)}", "\001\002\003");
        expect("-ERR user_script:1: bad argument #2 to 'unpack_limit' (number expected"
                + ", got no value)",
                "return {cmsgpack.unpack_limit(ARGV[1])}", "\001\002\003");
        expect("[:2, :2]",
                "return {cmsgpack.unpack_limit(ARGV[1], 1.9, 1.9)}", "\001\002\003");
        expect("[:-1]",
                "return {cmsgpack.unpack_limit(ARGV[1], 1, 3)}", "\001\002\003");
        expect("-ERR user_script:1: Start offset 0 greater than input length 3.",
                "return {cmsgpack.unpack_limit(ARGV[1], 1, 2^40)}", "\001\002\003");
        expect("$'cmsgpack lua-cmsgpack 0.4.0 Copyright (C) 2012, Salvatore Sanfilippo"
                + " MessagePack C implementation for Lua'",
                "return cmsgpack._NAME .. ' ' .. cmsgpack._VERSION .. ' ' .. cmsgpack._"
                + "COPYRIGHT .. ' ' .. cmsgpack._DESCRIPTION");
    }
}
