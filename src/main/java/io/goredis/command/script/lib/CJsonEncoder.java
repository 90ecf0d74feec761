package io.goredis.command.script.lib;

import java.nio.charset.StandardCharsets;

/**
 * {@code cjson.encode}: the encoding half of lua_cjson.c (Redis 7.0), walking the value on the real
 * Lua stack as the C code does ({@code lua_next} order, so objects list their keys in Lua's order).
 * Tables whose keys are all positive integers are arrays (holes become null) unless excessively
 * sparse (error by default); other tables are objects with string or number keys. Numbers use
 * {@code %.14g} (the configured precision); NaN and Inf are refused by default; nesting deeper than
 * encode_max_depth (1000) is "Cannot serialise, excessive nesting". Called by {@link CJson}.
 */
final class CJsonEncoder {

    /** {@code char2escape}: the escape of each byte, null when the byte goes through as is. */
    private static final byte[][] CHAR2ESCAPE = new byte[256][];

    static {
        for (int i = 0; i < 32; i++) {
            CHAR2ESCAPE[i] = ascii(String.format("\\u%04x", i));
        }
        CHAR2ESCAPE['\b'] = ascii("\\b");
        CHAR2ESCAPE['\t'] = ascii("\\t");
        CHAR2ESCAPE['\n'] = ascii("\\n");
        CHAR2ESCAPE['\f'] = ascii("\\f");
        CHAR2ESCAPE['\r'] = ascii("\\r");
        CHAR2ESCAPE['"'] = ascii("\\\"");
        CHAR2ESCAPE['\\'] = ascii("\\\\");
        CHAR2ESCAPE['/'] = ascii("\\/");
        CHAR2ESCAPE[127] = ascii("\\u007f");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private final LuaCall c;
    private final CJson.Config cfg;
    private final ByteBuilder json = new ByteBuilder(64);

    private CJsonEncoder(LuaCall c, CJson.Config cfg) {
        this.c = c;
        this.cfg = cfg;
    }

    /** {@code json_encode}. */
    static int encode(LuaCall c, CJson.Config cfg) {
        c.argCheck(c.top() == 1, 1, "expected 1 argument");
        CJsonEncoder e = new CJsonEncoder(c, cfg);
        e.appendData();
        c.pushBytes(e.json.toBytes());
        return 1;
    }

    /** {@code json_encode_exception}. */
    private LuaCall.Raised exception(int index, String reason) {
        return c.error("Cannot serialise ", c.typeName(index), ": ", reason);
    }

    private void appendString(int index) {
        byte[] s = c.toBytes(index);
        json.append('"');
        for (byte b : s) {
            byte[] esc = CHAR2ESCAPE[b & 0xff];
            if (esc != null) {
                json.append(esc);
            } else {
                json.append(b);
            }
        }
        json.append('"');
    }

    /** {@code lua_array_length}: the array size of the table on top, or -1 for an object. */
    private int arrayLength() {
        int max = 0;
        int items = 0;
        c.api.lua_pushnil(c.L);
        while (c.api.lua_next(c.L, -2) != 0) {
            if (c.type(-2) == LuaCall.TNUMBER) {
                double k = c.toNumber(-2);
                if (k != 0 && Math.floor(k) == k && k >= 1) {
                    if (k > max) {
                        max = CNumbers.toInt32(k);
                    }
                    items++;
                    c.pop(1);
                    continue;
                }
            }
            c.pop(2);
            return -1;
        }
        if (cfg.encodeSparseRatio > 0 && max > items * cfg.encodeSparseRatio && max > cfg.encodeSparseSafe) {
            if (cfg.encodeSparseConvert == 0) {
                throw exception(-1, "excessively sparse array");
            }
            return -1;
        }
        return max;
    }

    /** {@code json_check_encode_depth}. */
    private void checkEncodeDepth(int depth) {
        if (depth <= cfg.encodeMaxDepth && c.api.lua_checkstack(c.L, 3) != 0) {
            return;
        }
        throw c.error("Cannot serialise, excessive nesting (", depth, ")");
    }

    private void appendNumber(int index) {
        double num = c.toNumber(index);
        if (cfg.encodeInvalidNumbers == 0) {
            if (Double.isInfinite(num) || Double.isNaN(num)) {
                throw exception(index, "must not be NaN or Inf");
            }
        } else if (cfg.encodeInvalidNumbers == 1) {
            if (Double.isNaN(num)) {
                json.append("nan");
                return;
            }
        } else if (Double.isInfinite(num) || Double.isNaN(num)) {
            json.append("null");
            return;
        }
        json.append(CNumbers.formatG(num, cfg.encodeNumberPrecision));
    }

    /** A table being written: an array ({@code length} >= 1, next index {@code i}) or an object. */
    private static final class Open {
        final int length;
        int i = 1;

        Open(int length) {
            this.length = length;
        }
    }

    /**
     * {@code json_append_data} with {@code json_append_array} and {@code json_append_object}: writes
     * the value on top of the stack (left there). The C recursion is unrolled into {@code open} (the
     * tables being written, innermost last, the depth being its size), so deep tables need no Java
     * stack; the Lua stack is used exactly as in C.
     */
    private void appendData() {
        java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();
        while (true) {
            if (c.type(-1) == LuaCall.TTABLE) {
                int depth = open.size() + 1;
                checkEncodeDepth(depth);
                int len = arrayLength();
                if (len > 0) {
                    json.append('[');
                    open.push(new Open(len));
                } else {
                    json.append('{');
                    c.api.lua_pushnil(c.L);
                    open.push(new Open(0));
                }
            } else {
                appendScalar();
                if (open.isEmpty()) {
                    return;
                }
                c.pop(1);
            }
            // move on to the next element of the innermost open table, closing finished ones
            while (!nextElement(open.peek())) {
                open.pop();
                if (open.isEmpty()) {
                    return;
                }
                c.pop(1);
            }
        }
    }

    /** Pushes the next element of {@code t} (after its key, for an object); false when {@code t} is done. */
    private boolean nextElement(Open t) {
        if (t.length > 0) {
            if (t.i > t.length) {
                json.append(']');
                return false;
            }
            if (t.i > 1) {
                json.append(',');
            }
            c.api.lua_rawgeti(c.L, -1, t.i++);
            return true;
        }
        if (c.api.lua_next(c.L, -2) == 0) {
            json.append('}');
            return false;
        }
        if (t.i++ > 1) {
            json.append(',');
        }
        int keyType = c.type(-2);
        if (keyType == LuaCall.TNUMBER) {
            json.append('"');
            appendNumber(-2);
            json.append("\":");
        } else if (keyType == LuaCall.TSTRING) {
            appendString(-2);
            json.append(':');
        } else {
            throw exception(-2, "table key must be a number or string");
        }
        return true;
    }

    /** The non-table values. */
    private void appendScalar() {
        switch (c.type(-1)) {
            case LuaCall.TSTRING -> appendString(-1);
            case LuaCall.TNUMBER -> appendNumber(-1);
            case LuaCall.TBOOLEAN -> json.append(c.api.lua_toboolean(c.L, -1) != 0 ? "true" : "false");
            case LuaCall.TNIL -> json.append("null");
            case LuaCall.TLIGHTUSERDATA -> {
                if (c.api.lua_touserdata(c.L, -1) != 0) {
                    throw exception(-1, "type not supported");
                }
                json.append("null");
            }
            default -> throw exception(-1, "type not supported");
        }
    }
}
