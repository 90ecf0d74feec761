package io.goredis.command.script.lib;

import io.goredis.command.script.LuaLibrary;
import io.goredis.command.script.LuaStrings;
import party.iroiro.luajava.Lua;

/**
 * The {@code cmsgpack} library of Redis 7.0 scripts: a port of lua-cmsgpack 0.4.0 as Redis embeds it
 * ({@code deps/lua/src/lua_cmsgpack.c}). {@code pack(...)} packs every argument and concatenates
 * them; integers take the smallest MessagePack int, other numbers float32 when that is exact, else
 * float64; a table is an array when its keys are exactly 1..n, else a map; tables nested 16 deep are
 * packed as nil; functions and other values as nil. {@code unpack}, {@code unpack_one} and
 * {@code unpack_limit} decode ({@link CMsgPackDecoder}). Stateless; installed by
 * {@code LuaSandbox} ({@link #push}).
 */
public final class CMsgPack implements LuaLibrary {

    /** {@code LUACMSGPACK_MAX_NESTING}. */
    private static final int MAX_NESTING = 16;

    @Override
    public String name() {
        return "cmsgpack";
    }

    @Override
    public void push(Lua lua, LuaStrings strings) {
        lua.createTable(0, 8);
        LuaCall.setFunction(lua, strings, "pack", CMsgPack::pack);
        LuaCall.setFunction(lua, strings, "unpack", c -> CMsgPackDecoder.unpackFull(c, 0, 0));
        LuaCall.setFunction(lua, strings, "unpack_one", c -> {
            long offset = c.optInteger(2, 0);
            c.pop(c.top() - 1);
            return CMsgPackDecoder.unpackFull(c, 1, offset);
        });
        LuaCall.setFunction(lua, strings, "unpack_limit", c -> {
            long limit = c.checkInteger(2);
            long offset = c.optInteger(3, 0);
            c.pop(c.top() - 1);
            return CMsgPackDecoder.unpackFull(c, limit, offset);
        });
        lua.push("cmsgpack");
        lua.setField(-2, "_NAME");
        lua.push("lua-cmsgpack 0.4.0");
        lua.setField(-2, "_VERSION");
        lua.push("Copyright (C) 2012, Salvatore Sanfilippo");
        lua.setField(-2, "_COPYRIGHT");
        lua.push("MessagePack C implementation for Lua");
        lua.setField(-2, "_DESCRIPTION");
    }

    /** {@code mp_pack}: one string per argument, concatenated. */
    private static int pack(LuaCall c) {
        int nargs = c.top();
        if (nargs == 0) {
            throw c.argError(0, "MessagePack pack needs input.");
        }
        if (c.api.lua_checkstack(c.L, nargs) == 0) {
            throw c.argError(0, "Too many arguments for MessagePack pack.");
        }
        ByteBuilder buf = new ByteBuilder(32);
        for (int i = 1; i <= nargs; i++) {
            c.checkStack(1, "in function mp_check");
            c.api.lua_pushvalue(c.L, i);
            encodeType(c, buf, 0);
            c.pushBytes(buf.toBytes());
            buf.reset();
        }
        c.api.lua_concat(c.L, nargs);
        return 1;
    }

    /** {@code mp_encode_lua_type}: encodes and pops the value on top. */
    private static void encodeType(LuaCall c, ByteBuilder buf, int level) {
        int t = c.type(-1);
        if (t == LuaCall.TTABLE && level == MAX_NESTING) {
            t = LuaCall.TNIL;
        }
        switch (t) {
            case LuaCall.TSTRING -> encodeBytes(buf, c.toBytes(-1));
            case LuaCall.TBOOLEAN -> buf.append(c.api.lua_toboolean(c.L, -1) != 0 ? 0xc3 : 0xc2);
            case LuaCall.TNUMBER -> encodeNumber(buf, c.toNumber(-1));
            case LuaCall.TTABLE -> {
                if (isArray(c)) {
                    encodeArray(c, buf, level);
                } else {
                    encodeMap(c, buf, level);
                }
            }
            default -> buf.append(0xc0);
        }
        c.pop(1);
    }

    private static void encodeBytes(ByteBuilder buf, byte[] s) {
        long len = s.length;
        if (len < 32) {
            buf.append(0xa0 | (int) len);
        } else if (len <= 0xff) {
            buf.append(0xd9).append((int) len);
        } else if (len <= 0xffff) {
            buf.append(0xda);
            be(buf, len, 2);
        } else {
            buf.append(0xdb);
            be(buf, len, 4);
        }
        buf.append(s);
    }

    /** Big-endian, the low {@code n} bytes of {@code v}. */
    private static void be(ByteBuilder buf, long v, int n) {
        for (int i = n - 1; i >= 0; i--) {
            buf.append((int) (v >>> (8 * i)) & 0xff);
        }
    }

    /** {@code mp_encode_lua_number}: an integer when {@code (int64_t) n == n}, else a float. */
    private static void encodeNumber(ByteBuilder buf, double n) {
        if (!Double.isInfinite(n) && (double) CNumbers.toInt64(n) == n) {
            encodeInt(buf, CNumbers.toInt64(n));
        } else {
            encodeDouble(buf, n);
        }
    }

    private static void encodeDouble(ByteBuilder buf, double d) {
        float f = (float) d;
        if (d == (double) f) {
            buf.append(0xca);
            be(buf, Float.floatToRawIntBits(f) & 0xffffffffL, 4);
        } else {
            buf.append(0xcb);
            be(buf, Double.doubleToRawLongBits(d), 8);
        }
    }

    private static void encodeInt(ByteBuilder buf, long n) {
        if (n >= 0) {
            if (n <= 127) {
                buf.append((int) n);
            } else if (n <= 0xff) {
                buf.append(0xcc).append((int) n);
            } else if (n <= 0xffff) {
                buf.append(0xcd);
                be(buf, n, 2);
            } else if (n <= 0xffffffffL) {
                buf.append(0xce);
                be(buf, n, 4);
            } else {
                buf.append(0xcf);
                be(buf, n, 8);
            }
        } else if (n >= -32) {
            buf.append((int) n & 0xff);
        } else if (n >= -128) {
            buf.append(0xd0).append((int) n & 0xff);
        } else if (n >= -32768) {
            buf.append(0xd1);
            be(buf, n, 2);
        } else if (n >= -2147483648L) {
            buf.append(0xd2);
            be(buf, n, 4);
        } else {
            buf.append(0xd3);
            be(buf, n, 8);
        }
    }

    private static void encodeHeader(ByteBuilder buf, long n, int fix, int x16, int x32) {
        if (n <= 15) {
            buf.append(fix | (int) (n & 0xf));
        } else if (n <= 65535) {
            buf.append(x16);
            be(buf, n, 2);
        } else {
            buf.append(x32);
            be(buf, n, 4);
        }
    }

    /** {@code table_is_an_array}: keys exactly 1..n (numbers that are C ints). */
    private static boolean isArray(LuaCall c) {
        int stackTop = c.top();
        int count = 0;
        int max = 0;
        c.checkStack(2, "in function table_is_an_array");
        c.api.lua_pushnil(c.L);
        while (c.api.lua_next(c.L, -2) != 0) {
            c.pop(1);
            double n;
            if (c.type(-1) != LuaCall.TNUMBER || (n = c.toNumber(-1)) <= 0
                    || Double.isInfinite(n) || CNumbers.toInt32(n) != n) {
                c.api.lua_settop(c.L, stackTop);
                return false;
            }
            max = n > max ? (int) n : max;
            count++;
        }
        c.api.lua_settop(c.L, stackTop);
        return max == count;
    }

    private static void encodeArray(LuaCall c, ByteBuilder buf, int level) {
        long len = c.api.lua_objlen(c.L, -1);
        encodeHeader(buf, len, 0x90, 0xdc, 0xdd);
        c.checkStack(1, "in function mp_encode_lua_table_as_array");
        for (long j = 1; j <= len; j++) {
            c.api.lua_rawgeti(c.L, -1, (int) j);
            encodeType(c, buf, level + 1);
        }
    }

    private static void encodeMap(LuaCall c, ByteBuilder buf, int level) {
        long len = 0;
        c.checkStack(3, "in function mp_encode_lua_table_as_map");
        c.api.lua_pushnil(c.L);
        while (c.api.lua_next(c.L, -2) != 0) {
            c.pop(1);
            len++;
        }
        encodeHeader(buf, len, 0x80, 0xde, 0xdf);
        c.api.lua_pushnil(c.L);
        while (c.api.lua_next(c.L, -2) != 0) {
            c.api.lua_pushvalue(c.L, -2);
            encodeType(c, buf, level + 1); // the key
            encodeType(c, buf, level + 1); // the value
        }
    }
}
