package io.goredis.command.script;

import io.goredis.command.CFormat;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import party.iroiro.luajava.Lua;

/**
 * Redis's conversions between command replies and Lua values, both ways, as script_lua.c does them
 * ({@code redisProtocolToLuaType_*} and {@code luaReplyToRedisReply}).
 *
 * <p><b>Reply to Lua</b> follows the script's RESP version ({@code redis.setresp}): in RESP2 an
 * integer is a number, a bulk a string, a null false, a status {@code {ok=}}, an error {@code {err=}},
 * an array a table (maps flattened, doubles as strings); RESP3 adds {@code {map=}}, {@code {set=}},
 * {@code {double=}}, {@code {big_number=}}, {@code {verbatim_string=}}, booleans and nil.
 *
 * <p><b>Lua to reply</b>: strings are bulks, numbers integers (truncated), true 1 and false a null
 * (or booleans once the script chose RESP3), tables arrays cut at the first nil, unless they carry
 * {@code err}, {@code ok}, {@code double}, {@code big_number}, {@code map}, {@code set} or
 * {@code verbatim_string}.
 */
final class LuaReplies {

    /** Deepest table nesting converted (Redis gives up at the Lua stack limit). */
    private static final int MAX_DEPTH = 1000;

    private LuaReplies() {}

    // ---------------------------------------------------------------- reply -> Lua

    /** Pushes {@code reply} as a script using RESP {@code resp} sees it. */
    static void push(Lua lua, LuaStrings strings, Reply reply, int resp) {
        lua.checkStack(4);
        boolean resp3 = resp >= 3;
        switch (reply) {
            case Reply.Pinned p -> push(lua, strings, p.reply(), resp);
            case Reply.IntReply i -> lua.push(i.value());
            case Reply.BulkReply b -> strings.push(lua.getPointer(), b.value());
            case Reply.SimpleString s -> singleField(lua, strings, "ok", s.value().getBytes(StandardCharsets.UTF_8));
            case Reply.ErrorReply e -> pushError(lua, strings, "-" + e.message());
            case Reply.NullReply n -> nullValue(lua, resp3);
            case Reply.NullArray n -> nullValue(lua, resp3);
            case Reply.ArrayReply a -> array(lua, strings, a.items(), resp);
            case Reply.SetReply s -> {
                if (resp3) {
                    lua.createTable(0, 1);
                    lua.push("set");
                    lua.createTable(0, s.items().size());
                    for (Reply item : s.items()) {
                        push(lua, strings, item, resp);
                        lua.push(true);
                        lua.rawSet(-3);
                    }
                    lua.rawSet(-3);
                } else {
                    array(lua, strings, s.items(), resp);
                }
            }
            case Reply.MapReply m -> {
                if (resp3) {
                    lua.createTable(0, 1);
                    lua.push("map");
                    lua.createTable(0, m.keys().size());
                    for (int i = 0; i < m.keys().size(); i++) {
                        push(lua, strings, m.keys().get(i), resp);
                        push(lua, strings, m.values().get(i), resp);
                        lua.rawSet(-3);
                    }
                    lua.rawSet(-3);
                } else {
                    List<Reply> flat = new ArrayList<>(2 * m.keys().size());
                    for (int i = 0; i < m.keys().size(); i++) {
                        flat.add(m.keys().get(i));
                        flat.add(m.values().get(i));
                    }
                    array(lua, strings, flat, resp);
                }
            }
            case Reply.DoubleReply d -> {
                if (resp3) {
                    lua.createTable(0, 1);
                    lua.push("double");
                    lua.push(parseDouble(d.text()));
                    lua.rawSet(-3);
                } else {
                    strings.push(lua.getPointer(), d.text().getBytes(StandardCharsets.US_ASCII));
                }
            }
            case Reply.BigNumberReply n -> {
                if (resp3) {
                    singleField(lua, strings, "big_number", n.digits().getBytes(StandardCharsets.US_ASCII));
                } else {
                    strings.push(lua.getPointer(), n.digits().getBytes(StandardCharsets.US_ASCII));
                }
            }
            case Reply.VerbatimReply v -> {
                if (resp3) {
                    lua.createTable(0, 1);
                    lua.push("verbatim_string");
                    lua.createTable(0, 2);
                    lua.push("format");
                    lua.push(v.format());
                    lua.rawSet(-3);
                    lua.push("string");
                    strings.push(lua.getPointer(), v.value());
                    lua.rawSet(-3);
                    lua.rawSet(-3);
                } else {
                    strings.push(lua.getPointer(), v.value());
                }
            }
            case Reply.BoolReply b -> {
                if (resp3) {
                    lua.push(b.value());
                } else {
                    lua.push(b.value() ? 1L : 0L);
                }
            }
        }
    }

    /** A double reply's text ("3.5", "inf", "-inf", "nan") as a number. */
    private static double parseDouble(String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "-nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static void nullValue(Lua lua, boolean resp3) {
        if (resp3) {
            lua.pushNil();
        } else {
            lua.push(false);
        }
    }

    private static void array(Lua lua, LuaStrings strings, List<Reply> items, int resp) {
        lua.createTable(items.size(), 0);
        for (int i = 0; i < items.size(); i++) {
            push(lua, strings, items.get(i), resp);
            lua.rawSetI(-2, i + 1);
        }
    }

    private static void singleField(Lua lua, LuaStrings strings, String field, byte[] value) {
        lua.createTable(0, 1);
        lua.push(field);
        strings.push(lua.getPointer(), value);
        lua.rawSet(-3);
    }

    /**
     * Pushes Redis's error table for an error text ({@code luaPushErrorBuff}): "-CODE msg" keeps its
     * code, a text without the dash gets ERR; newlines at either end are trimmed.
     */
    static void pushError(Lua lua, LuaStrings strings, String text) {
        String code;
        String msg;
        if (text.startsWith("-")) {
            int space = text.indexOf(' ');
            if (space < 0) {
                code = "ERR";
                msg = text.substring(1);
            } else {
                code = text.substring(1, space);
                msg = text.substring(space + 1);
            }
        } else {
            code = "ERR";
            msg = text;
        }
        msg = trimNewlines(msg);
        singleField(lua, strings, "err", (code + " " + msg).getBytes(StandardCharsets.UTF_8));
    }

    private static String trimNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '\r' || s.charAt(start) == '\n')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return s.substring(start, end);
    }

    // ---------------------------------------------------------------- Lua -> reply

    /**
     * The reply for the Lua value at {@code index}, for a script that chose RESP {@code scriptResp};
     * does not pop it.
     */
    static Reply toReply(Lua lua, LuaStrings strings, int index, int scriptResp) {
        return toReply(lua, strings, index < 0 ? lua.getTop() + index + 1 : index, scriptResp, 0);
    }

    private static Reply toReply(Lua lua, LuaStrings strings, int index, int resp, int depth) {
        lua.checkStack(4);
        return switch (lua.type(index)) {
            case STRING -> Reply.bulk(strings.get(lua.getPointer(), index));
            case BOOLEAN -> {
                boolean b = lua.toBoolean(index);
                if (resp >= 3) {
                    yield new Reply.BoolReply(b);
                }
                yield b ? Reply.ONE : Reply.NULL;
            }
            case NUMBER -> Reply.integer((long) lua.toNumber(index));
            case TABLE -> table(lua, strings, index, resp, depth);
            default -> Reply.NULL;
        };
    }

    private static Reply table(Lua lua, LuaStrings strings, int index, int resp, int depth) {
        if (depth >= MAX_DEPTH) {
            return Reply.error("ERR reached lua stack limit");
        }
        byte[] err = stringField(lua, strings, index, "err");
        if (err != null) {
            return Reply.error(sanitize(cString(err)));
        }
        byte[] ok = stringField(lua, strings, index, "ok");
        if (ok != null) {
            return new Reply.SimpleString(sanitize(cString(ok)));
        }
        lua.push("double");
        lua.rawGet(index);
        if (lua.type(-1) == Lua.LuaType.NUMBER) {
            double d = lua.toNumber(-1);
            lua.pop(1);
            return new Reply.DoubleReply(CFormat.g(d, 17));
        }
        lua.pop(1);
        byte[] big = stringField(lua, strings, index, "big_number");
        if (big != null) {
            return new Reply.BigNumberReply(sanitize(new String(big, StandardCharsets.UTF_8)));
        }
        lua.push("map");
        lua.rawGet(index);
        if (lua.type(-1) == Lua.LuaType.TABLE) {
            int map = lua.getTop();
            List<Reply> keys = new ArrayList<>();
            List<Reply> values = new ArrayList<>();
            lua.pushNil();
            while (lua.next(map) != 0) {
                keys.add(toReply(lua, strings, lua.getTop() - 1, resp, depth + 1));
                values.add(toReply(lua, strings, lua.getTop(), resp, depth + 1));
                lua.pop(1);
            }
            lua.pop(1);
            return new Reply.MapReply(keys, values);
        }
        lua.pop(1);
        lua.push("set");
        lua.rawGet(index);
        if (lua.type(-1) == Lua.LuaType.TABLE) {
            int set = lua.getTop();
            List<Reply> members = new ArrayList<>();
            lua.pushNil();
            while (lua.next(set) != 0) {
                members.add(toReply(lua, strings, lua.getTop() - 1, resp, depth + 1));
                lua.pop(1);
            }
            lua.pop(1);
            return new Reply.SetReply(members);
        }
        lua.pop(1);
        lua.push("verbatim_string");
        lua.rawGet(index);
        if (lua.type(-1) == Lua.LuaType.TABLE) {
            int v = lua.getTop();
            byte[] format = stringField(lua, strings, v, "format");
            byte[] text = stringField(lua, strings, v, "string");
            lua.pop(1);
            if (format != null && text != null) {
                // Redis copies three bytes of the format
                byte[] three = java.util.Arrays.copyOf(format, 3);
                return new Reply.VerbatimReply(new String(three, StandardCharsets.ISO_8859_1), text);
            }
        } else {
            lua.pop(1);
        }
        List<Reply> items = new ArrayList<>();
        for (int i = 1; ; i++) {
            lua.rawGetI(index, i);
            if (lua.type(-1) == Lua.LuaType.NIL) {
                lua.pop(1);
                break;
            }
            items.add(toReply(lua, strings, lua.getTop(), resp, depth + 1));
            lua.pop(1);
        }
        return new Reply.ArrayReply(items);
    }

    /** The string at {@code table[name]} (raw), or null when it is not a string. */
    private static byte[] stringField(Lua lua, LuaStrings strings, int table, String name) {
        lua.push(name);
        lua.rawGet(table);
        byte[] out = lua.type(-1) == Lua.LuaType.STRING ? strings.get(lua.getPointer(), -1) : null;
        lua.pop(1);
        return out;
    }

    /** A Lua string as C code reads it with {@code lua_tostring}: up to the first NUL. */
    static String cString(byte[] s) {
        int n = 0;
        while (n < s.length && s[n] != 0) {
            n++;
        }
        return new String(s, 0, n, StandardCharsets.UTF_8);
    }

    /** Error and status texts go out on one line: CR and LF become spaces (Redis's sdsmapchars). */
    static String sanitize(String s) {
        return s.indexOf('\r') < 0 && s.indexOf('\n') < 0 ? s : s.replace('\r', ' ').replace('\n', ' ');
    }
}
