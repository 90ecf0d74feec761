package io.goredis.command.script.lib;

import java.util.Arrays;

/**
 * The decoding half of lua_cmsgpack.c (Redis 7.0): {@code mp_unpack_full} and
 * {@code mp_decode_to_lua_type}, building the values on the real Lua stack. Unsigned integers come
 * back through {@code lua_pushinteger} (a uint64 past 2^63 wraps negative, as on 64-bit Redis);
 * truncated input is "Missing bytes in input.", an unknown first byte (0xc1, ext types) "Bad data
 * format in input.". Called by {@link CMsgPack}'s unpack, unpack_one and unpack_limit.
 */
final class CMsgPackDecoder {

    private static final int ERROR_NONE = 0;
    private static final int ERROR_EOF = 1;
    private static final int ERROR_BADFMT = 2;

    private final LuaCall c;
    private final byte[] s;
    /** {@code mp_cur}: the next byte and what is left. */
    private int p;
    private long left;
    private int err = ERROR_NONE;

    private CMsgPackDecoder(LuaCall c, byte[] s, int offset) {
        this.c = c;
        this.s = s;
        this.p = offset;
        this.left = s.length - (long) offset;
    }

    /** {@code mp_unpack_full}: decodes up to {@code limit} values from {@code offset} (0, 0: all). */
    static int unpackFull(LuaCall c, long limit, long offset) {
        byte[] s = c.checkBytes(1);
        int len = s.length;
        boolean decodeAll = limit == 0 && offset == 0;
        if (offset < 0 || limit < 0) {
            throw c.error("Invalid request to unpack with offset of ", (int) offset, " and limit of ", len, ".");
        } else if (offset > len) {
            throw c.error("Start offset ", (int) offset, " greater than input length ", len, ".");
        }
        if (decodeAll) {
            limit = Integer.MAX_VALUE;
        }
        CMsgPackDecoder d = new CMsgPackDecoder(c, s, (int) offset);
        int cnt;
        for (cnt = 0; d.left > 0 && cnt < limit; cnt++) {
            d.decodeType();
            if (d.err == ERROR_EOF) {
                throw c.error("Missing bytes in input.");
            } else if (d.err == ERROR_BADFMT) {
                throw c.error("Bad data format in input.");
            }
        }
        if (!decodeAll) {
            long newOffset = len - d.left;
            c.checkStack(1, "in function mp_unpack_full");
            c.pushInteger(d.left == 0 ? -1 : newOffset);
            c.api.lua_insert(c.L, 2);
            cnt += 1;
        }
        return cnt;
    }

    private int u8(int i) {
        return s[p + i] & 0xff;
    }

    /** Big-endian unsigned of {@code n} bytes from {@code p + from}. */
    private long be(int from, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | u8(from + i);
        }
        return v;
    }

    private boolean need(long n) {
        if (left < n) {
            err = ERROR_EOF;
            return false;
        }
        return true;
    }

    private void consume(long n) {
        p += (int) n;
        left -= n;
    }

    private void pushString(int from, long n) {
        c.pushBytes(Arrays.copyOfRange(s, p + from, p + from + (int) n));
    }

    /** A table being filled: an array (next index) or a map (a key on the stack, waiting for its value). */
    private static final class Open {
        final boolean map;
        long left;
        int index = 1;
        boolean keyPushed;

        Open(boolean map, long left) {
            this.map = map;
            this.left = left;
        }
    }

    private Open array(long len) {
        c.api.lua_createtable(c.L, 0, 0);
        c.checkStack(1, "in function mp_decode_to_lua_array");
        return new Open(false, len);
    }

    private Open hash(long len) {
        c.api.lua_createtable(c.L, 0, 0);
        return new Open(true, len);
    }

    /**
     * {@code mp_decode_to_lua_type} with {@code mp_decode_to_lua_array} / {@code _hash}: pushes one
     * whole value, or sets {@link #err}. The C recursion is unrolled into {@code open} (the tables
     * being filled, innermost last) so deep input needs no Java stack; the Lua stack is used as in C.
     */
    private void decodeType() {
        java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();
        while (true) {
            Open started = decodeOne();
            if (err != ERROR_NONE) {
                return;
            }
            boolean complete = started == null;
            if (started != null) {
                open.push(started);
            }
            while (true) {
                Open t = open.peek();
                if (t == null) {
                    return;
                }
                if (complete) {
                    if (t.map && !t.keyPushed) {
                        t.keyPushed = true;
                        break; // now its value
                    }
                    if (t.map) {
                        t.keyPushed = false;
                        // lua_settable raises these from inside the C function, without a position
                        if (c.type(-2) == LuaCall.TNIL) {
                            throw c.plainError("table index is nil");
                        }
                        if (c.type(-2) == LuaCall.TNUMBER && Double.isNaN(c.toNumber(-2))) {
                            throw c.plainError("table index is NaN");
                        }
                    }
                    c.api.lua_rawset(c.L, -3);
                }
                if (t.left > 0) {
                    t.left--;
                    if (!t.map) {
                        c.pushNumber(t.index++);
                    }
                    break; // its next element (a map's next key)
                }
                open.pop();
                complete = true; // the finished table is a value of its parent
            }
        }
    }

    /** One value's first byte(s): pushes a scalar (null result) or a new table (its {@link Open}); or sets {@link #err}. */
    private Open decodeOne() {
        if (!need(1)) {
            return null;
        }
        c.checkStack(1, "too many return values at once; use unpack_one or unpack_limit instead.");
        int b = u8(0);
        switch (b) {
            case 0xcc, 0xd0 -> {
                if (need(2)) {
                    c.pushInteger(b == 0xcc ? u8(1) : (byte) u8(1));
                    consume(2);
                }
            }
            case 0xcd, 0xd1 -> {
                if (need(3)) {
                    long v = be(1, 2);
                    c.pushInteger(b == 0xcd ? v : (short) v);
                    consume(3);
                }
            }
            case 0xce, 0xd2 -> {
                if (need(5)) {
                    long v = be(1, 4);
                    c.pushInteger(b == 0xce ? v : (int) v);
                    consume(5);
                }
            }
            case 0xcf, 0xd3 -> {
                if (need(9)) {
                    long v = be(1, 8);
                    if (b == 0xcf) {
                        c.pushInteger(v);
                    } else {
                        c.pushNumber((double) v);
                    }
                    consume(9);
                }
            }
            case 0xc0 -> {
                c.api.lua_pushnil(c.L);
                consume(1);
            }
            case 0xc3, 0xc2 -> {
                c.pushBoolean(b == 0xc3);
                consume(1);
            }
            case 0xca -> {
                if (need(5)) {
                    c.pushNumber(Float.intBitsToFloat((int) be(1, 4)));
                    consume(5);
                }
            }
            case 0xcb -> {
                if (need(9)) {
                    c.pushNumber(Double.longBitsToDouble(be(1, 8)));
                    consume(9);
                }
            }
            case 0xd9 -> {
                if (need(2)) {
                    long l = u8(1);
                    if (need(2 + l)) {
                        pushString(2, l);
                        consume(2 + l);
                    }
                }
            }
            case 0xda -> {
                if (need(3)) {
                    long l = be(1, 2);
                    if (need(3 + l)) {
                        pushString(3, l);
                        consume(3 + l);
                    }
                }
            }
            case 0xdb -> {
                if (need(5)) {
                    long l = be(1, 4);
                    consume(5);
                    if (need(l)) {
                        pushString(0, l);
                        consume(l);
                    }
                }
            }
            case 0xdc, 0xde -> {
                if (need(3)) {
                    long l = be(1, 2);
                    consume(3);
                    return b == 0xdc ? array(l) : hash(l);
                }
            }
            case 0xdd, 0xdf -> {
                if (need(5)) {
                    long l = be(1, 4);
                    consume(5);
                    return b == 0xdd ? array(l) : hash(l);
                }
            }
            default -> {
                return decodeFixed(b);
            }
        }
        return null;
    }

    /** The types known by their first byte's high bits. */
    private Open decodeFixed(int b) {
        if ((b & 0x80) == 0) {
            c.pushInteger(b);
            consume(1);
        } else if ((b & 0xe0) == 0xe0) {
            c.pushInteger((byte) b);
            consume(1);
        } else if ((b & 0xe0) == 0xa0) {
            long l = b & 0x1f;
            if (need(1 + l)) {
                pushString(1, l);
                consume(1 + l);
            }
        } else if ((b & 0xf0) == 0x90) {
            consume(1);
            return array(b & 0xf);
        } else if ((b & 0xf0) == 0x80) {
            consume(1);
            return hash(b & 0xf);
        } else {
            err = ERROR_BADFMT;
        }
        return null;
    }
}
