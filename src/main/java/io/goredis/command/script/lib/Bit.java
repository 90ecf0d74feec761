package io.goredis.command.script.lib;

import io.goredis.command.script.LuaLibrary;
import io.goredis.command.script.LuaStrings;
import java.nio.charset.StandardCharsets;
import party.iroiro.luajava.Lua;

/**
 * The {@code bit} library of Redis 7.0 scripts: a port of LuaBitOp 1.0.2
 * ({@code deps/lua/src/lua_bit.c}). Every argument is normalised to 32 bits the way LuaBitOp does
 * it (add 2^52 + 2^51 and keep the low word of the double: rounds to nearest, wraps modulo 2^32) and
 * results are signed 32-bit numbers. {@code band / bor / bxor} read their arguments from the last to
 * the first (so errors name the last bad one first), as the C loop does. {@code tohex(x, n)}: n
 * digits (8 by default, at most 8), upper case when n is negative. Stateless; installed by
 * {@code LuaSandbox} ({@link #push}).
 */
public final class Bit implements LuaLibrary {

    private static final byte[] LOWER = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);

    @FunctionalInterface
    private interface Op {
        int apply(int a, int b);
    }

    @Override
    public String name() {
        return "bit";
    }

    @Override
    public void push(Lua lua, LuaStrings strings) {
        lua.createTable(0, 12);
        LuaCall.setFunction(lua, strings, "tobit", c -> ret(c, barg(c, 1)));
        LuaCall.setFunction(lua, strings, "bnot", c -> ret(c, ~barg(c, 1)));
        LuaCall.setFunction(lua, strings, "band", c -> fold(c, (a, b) -> a & b));
        LuaCall.setFunction(lua, strings, "bor", c -> fold(c, (a, b) -> a | b));
        LuaCall.setFunction(lua, strings, "bxor", c -> fold(c, (a, b) -> a ^ b));
        LuaCall.setFunction(lua, strings, "lshift", c -> shift(c, (b, n) -> b << n));
        LuaCall.setFunction(lua, strings, "rshift", c -> shift(c, (b, n) -> b >>> n));
        LuaCall.setFunction(lua, strings, "arshift", c -> shift(c, (b, n) -> b >> n));
        LuaCall.setFunction(lua, strings, "rol", c -> shift(c, Integer::rotateLeft));
        LuaCall.setFunction(lua, strings, "ror", c -> shift(c, Integer::rotateRight));
        LuaCall.setFunction(lua, strings, "bswap", c -> ret(c, Integer.reverseBytes(barg(c, 1))));
        LuaCall.setFunction(lua, strings, "tohex", Bit::tohex);
    }

    /** {@code barg}: argument {@code idx} as 32 bits; "number expected" unless it is a number. */
    private static int barg(LuaCall c, int idx) {
        double n = c.toNumber(idx) + 6755399441055744.0; // 2^52 + 2^51
        int b = (int) Double.doubleToRawLongBits(n);
        if (b == 0 && !c.isNumber(idx)) {
            throw c.typeError(idx, "number");
        }
        return b;
    }

    private static int ret(LuaCall c, int b) {
        c.pushNumber(b);
        return 1;
    }

    private static int fold(LuaCall c, Op op) {
        int b = barg(c, 1);
        for (int i = c.top(); i > 1; i--) {
            b = op.apply(b, barg(c, i));
        }
        return ret(c, b);
    }

    private static int shift(LuaCall c, Op op) {
        int b = barg(c, 1);
        int n = barg(c, 2) & 31;
        return ret(c, op.apply(b, n));
    }

    private static int tohex(LuaCall c) {
        int b = barg(c, 1);
        int n = c.type(2) == LuaCall.TNONE ? 8 : barg(c, 2);
        byte[] digits = LOWER;
        if (n < 0) {
            // -INT32_MIN overflows in C; Redis's later fix (CVE-2024-31449) makes it INT32_MAX
            n = n == Integer.MIN_VALUE ? Integer.MAX_VALUE : -n;
            digits = UPPER;
        }
        if (n > 8) {
            n = 8;
        }
        byte[] buf = new byte[n];
        for (int i = n; --i >= 0; ) {
            buf[i] = digits[b & 15];
            b >>>= 4;
        }
        c.pushBytes(buf);
        return 1;
    }
}
