package io.goredis.command.script.lib;

import io.goredis.command.script.LuaLibrary;
import io.goredis.command.script.LuaStrings;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import party.iroiro.luajava.JFunction;
import party.iroiro.luajava.Lua;
import party.iroiro.luajava.lua51.Lua51Natives;

/**
 * A real {@code LuaSandbox} (the script environment goredis runs EVAL in) with the four libraries,
 * for the library tests: runs a script as {@code EVAL script numkeys keys... args...} would and
 * renders the result the way Redis 7.0 turns it into a RESP2 reply, in a compact text form the
 * tests compare with what redis-server 7.0.15 answered: {@code $'bytes'} (non-printables as
 * {@code \xHH}), {@code $-1}, {@code :n}, {@code [a, b]}, {@code +status}, {@code -ERR message}
 * (the " script: sha, on @user_script:1." suffix Redis adds is left out).
 *
 * <p>{@code LuaSandbox} is package-private in {@code io.goredis.command.script}; the tests live
 * beside the libraries, so it is reached by reflection.
 */
final class LibSandbox implements AutoCloseable {

    private static final String SCRIPT_CHUNK = "@user_script";

    private final Object sandbox;
    private final Method compile;
    private final Method call;
    private final Method setGlobalStrings;
    private final Method clearStack;
    private final Method release;
    private final Method close;
    private final Lua lua;
    private final long pointer;
    private final LuaStrings strings;

    LibSandbox() {
        this(List.of(new Bit(), new CJson(), new Struct(), new CMsgPack()));
    }

    LibSandbox(List<LuaLibrary> libs) {
        try {
            Class<?> type = Class.forName("io.goredis.command.script.LuaSandbox");
            Constructor<?> ctor = type.getDeclaredConstructor(Map.class, List.class, JFunction.class);
            ctor.setAccessible(true);
            sandbox = ctor.newInstance(Map.of(), libs, null);
            compile = method(type, "compile", byte[].class, String.class);
            call = method(type, "call", int.class, IntSupplier.class);
            setGlobalStrings = method(type, "setGlobalStrings", String.class, List.class);
            clearStack = method(type, "clearStack");
            release = method(type, "release", int.class);
            close = method(type, "close");
            lua = (Lua) method(type, "lua").invoke(sandbox);
            pointer = (long) method(type, "pointer").invoke(sandbox);
            strings = (LuaStrings) method(type, "strings").invoke(sandbox);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set up the Lua sandbox", e);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... params) throws NoSuchMethodException {
        Method m = type.getDeclaredMethod(name, params);
        m.setAccessible(true);
        return m;
    }

    private Object invoke(Method m, Object... args) {
        try {
            return m.invoke(sandbox, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code EVAL script 0 args...}; each arg's chars are bytes (ISO-8859-1). */
    String eval(String script, String... argv) {
        return eval(script, List.of(), List.of(argv));
    }

    /** {@code EVAL script numkeys keys... args...}. */
    String eval(String script, List<String> keys, List<String> argv) {
        invoke(setGlobalStrings, "KEYS", keys.stream().map(LibSandbox::bytes).toList());
        invoke(setGlobalStrings, "ARGV", argv.stream().map(LibSandbox::bytes).toList());
        int ref = (int) invoke(compile, bytes(script), SCRIPT_CHUNK);
        try {
            boolean ok = (boolean) invoke(call, ref, (IntSupplier) () -> 0);
            if (ok) {
                return render(-1);
            }
            lua.getField(-1, "err");
            return "-" + new String(strings.get(pointer, -1), StandardCharsets.ISO_8859_1);
        } finally {
            invoke(clearStack);
            invoke(release, ref);
        }
    }

    private static String bulk(byte[] b) {
        StringBuilder s = new StringBuilder("$'");
        for (byte x : b) {
            int c = x & 0xff;
            if (c >= 32 && c < 127 && c != '\\' && c != '\'') {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        return s.append('\'').toString();
    }

    /** Redis 7.0's luaReplyToRedisReply, RESP2. */
    private String render(int index) {
        Lua51Natives api = (Lua51Natives) lua.getLuaNatives();
        long l = pointer;
        switch (api.lua_type(l, index)) {
            case LuaCall.TSTRING:
                return bulk(strings.get(l, index));
            case LuaCall.TBOOLEAN:
                return api.lua_toboolean(l, index) != 0 ? ":1" : "$-1";
            case LuaCall.TNUMBER:
                return ":" + CNumbers.toInt64(api.lua_tonumber(l, index));
            case LuaCall.TTABLE: {
                int abs = index < 0 ? api.lua_gettop(l) + index + 1 : index;
                for (String field : new String[] {"err", "ok"}) {
                    api.lua_getfield(l, abs, field);
                    if (api.lua_type(l, -1) == LuaCall.TSTRING) {
                        String text = new String(strings.get(l, -1), StandardCharsets.ISO_8859_1);
                        api.lua_settop(l, -2);
                        return (field.equals("err") ? "-" : "+") + text;
                    }
                    api.lua_settop(l, -2);
                }
                List<String> items = new ArrayList<>();
                for (int i = 1; ; i++) {
                    api.lua_rawgeti(l, abs, i);
                    if (api.lua_type(l, -1) == LuaCall.TNIL) {
                        api.lua_settop(l, -2);
                        break;
                    }
                    items.add(render(-1));
                    api.lua_settop(l, -2);
                }
                return "[" + String.join(", ", items) + "]";
            }
            default:
                return "$-1";
        }
    }

    @Override
    public void close() {
        invoke(close);
    }
}
