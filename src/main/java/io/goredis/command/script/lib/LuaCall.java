package io.goredis.command.script.lib;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.goredis.command.script.LuaStrings;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import party.iroiro.luajava.JFunction;
import party.iroiro.luajava.Lua;
import party.iroiro.luajava.lua51.Lua51Natives;

/**
 * One call of a library function from Lua, with what {@code lauxlib} gives the C libraries Redis
 * embeds: argument checks ({@code luaL_checknumber}, {@code luaL_checkinteger}, ...) and errors with
 * lauxlib's exact texts ({@code luaL_error} puts {@code luaL_where(L, 1)} before the message,
 * {@code luaL_argerror} names the function as the caller spelled it, via {@code lua_getinfo}).
 *
 * <p>Used by {@link CJson}, {@link CMsgPack}, {@link Struct} and {@link Bit}: each of their functions
 * is a {@link #function} whose body works on the real stack of the calling state (a coroutine's own
 * state when called from one) like the C code does, so stack limits ({@code lua_checkstack}) and
 * iteration order are Lua's own. A C library's {@code luaL_error} never returns; here raising pushes
 * the message and throws {@link Raised}, which {@link #function} turns into the {@code return -1} that
 * makes luajava call {@code lua_error}. No Java exception ever leaves a library function.
 */
final class LuaCall {

    static final int TNONE = -1;
    static final int TNIL = 0;
    static final int TBOOLEAN = 1;
    static final int TLIGHTUSERDATA = 2;
    static final int TNUMBER = 3;
    static final int TSTRING = 4;
    static final int TTABLE = 5;
    static final int TFUNCTION = 6;
    static final int TUSERDATA = 7;
    static final int TTHREAD = 8;

    private static final String[] TYPE_NAMES = {
        "nil", "boolean", "userdata", "number", "string", "table", "function", "userdata", "thread"
    };

    /** A library function's body; returns the number of results on top of the stack. */
    @FunctionalInterface
    interface Body {
        int call(LuaCall c);
    }

    /** Thrown once the error message is on the stack; never carries a stack trace. */
    static final class Raised extends RuntimeException {
        static final Raised INSTANCE = new Raised();

        private Raised() {
            super("lua error", null, false, false);
        }
    }

    final Lua lua;
    /** The {@code lua_State*} of the calling state. */
    final long L;
    final Lua51Natives api;
    final LuaStrings strings;

    private LuaCall(Lua lua, LuaStrings strings) {
        this.lua = lua;
        this.L = lua.getPointer();
        this.api = (Lua51Natives) lua.getLuaNatives();
        this.strings = strings;
    }

    /** A Lua function running {@code body}; whatever goes wrong in Java comes out as a Lua error. */
    static JFunction function(LuaStrings strings, Body body) {
        return l -> {
            LuaCall c = new LuaCall(l, strings);
            try {
                return body.call(c);
            } catch (Raised e) {
                return -1;
            } catch (OutOfMemoryError e) {
                c.pushMessage("not enough memory");
                return -1;
            } catch (StackOverflowError e) {
                c.pushMessage("stack overflow");
                return -1;
            } catch (Throwable t) {
                c.pushMessage("internal error in library function (" + t.getClass().getSimpleName() + ")");
                return -1;
            }
        };
    }

    /** Sets {@code table[name]} (the table on top of {@code lua}'s stack) to a function running {@code body}. */
    static void setFunction(Lua lua, LuaStrings strings, String name, Body body) {
        lua.push(function(strings, body));
        lua.setField(-2, name);
    }

    private void pushMessage(String message) {
        api.lua_checkstack(L, 1);
        strings.push(L, message.getBytes(StandardCharsets.ISO_8859_1));
    }

    // ---- stack ------------------------------------------------------------------------------

    int top() {
        return api.lua_gettop(L);
    }

    int type(int index) {
        return api.lua_type(L, index);
    }

    /** {@code luaL_typename}: "no value" for a missing argument. */
    String typeName(int index) {
        return typeNameOf(type(index));
    }

    static String typeNameOf(int type) {
        return type == TNONE ? "no value" : TYPE_NAMES[type];
    }

    boolean isNumber(int index) {
        return api.lua_isnumber(L, index) != 0;
    }

    boolean isNoneOrNil(int index) {
        return type(index) <= TNIL;
    }

    double toNumber(int index) {
        return api.lua_tonumber(L, index);
    }

    /** {@code lua_tolstring}: the exact bytes (a number is converted in place), or null. */
    byte[] toBytes(int index) {
        return strings.get(L, index);
    }

    void pop(int n) {
        api.lua_settop(L, -n - 1);
    }

    void pushNumber(double d) {
        api.lua_pushnumber(L, d);
    }

    void pushInteger(long n) {
        api.lua_pushinteger(L, n);
    }

    void pushBoolean(boolean b) {
        api.lua_pushboolean(L, b ? 1 : 0);
    }

    void pushBytes(byte[] bytes) {
        strings.push(L, bytes);
    }

    // ---- lauxlib ------------------------------------------------------------------------------

    /** {@code luaL_error}: the message after {@code luaL_where(L, 1)}; throw what it returns. */
    Raised error(Object... parts) {
        api.lua_checkstack(L, 2);
        api.luaL_where(L, 1);
        strings.push(L, concat(parts));
        api.lua_concat(L, 2);
        return Raised.INSTANCE;
    }

    /** An error raised by the VM itself from inside a C function ({@code luaG_runerror}): no position. */
    Raised plainError(String message) {
        pushMessage(message);
        return Raised.INSTANCE;
    }

    /** {@code luaL_argerror}. */
    Raised argError(int narg, Object... extramsg) {
        byte[][] info = callee();
        if (info == null) {
            return error("bad argument #", narg, " (", concat(extramsg), ")");
        }
        byte[] name = info[0];
        if ("method".equals(new String(info[1], StandardCharsets.ISO_8859_1))) {
            narg--;
            if (narg == 0) {
                return error("calling '", name == null ? "(null)" : name, "' on bad self (", concat(extramsg), ")");
            }
        }
        return error("bad argument #", narg, " to '", name == null ? new byte[] {'?'} : name, "' (",
                concat(extramsg), ")");
    }

    /** {@code luaL_argcheck}. */
    void argCheck(boolean cond, int narg, String extramsg) {
        if (!cond) {
            throw argError(narg, extramsg);
        }
    }

    /** {@code luaL_typerror}. */
    Raised typeError(int narg, String tname) {
        return argError(narg, tname, " expected, got ", typeName(narg));
    }

    /** {@code luaL_checknumber}. */
    double checkNumber(int narg) {
        double d = api.lua_tonumber(L, narg);
        if (d == 0 && !isNumber(narg)) {
            throw typeError(narg, "number");
        }
        return d;
    }

    /** {@code luaL_checkinteger}: {@code lua_Integer} is a 64-bit C cast of the number. */
    long checkInteger(int narg) {
        long d = api.lua_tointeger(L, narg);
        if (d == 0 && !isNumber(narg)) {
            throw typeError(narg, "number");
        }
        return d;
    }

    /** {@code luaL_optinteger}. */
    long optInteger(int narg, long def) {
        return isNoneOrNil(narg) ? def : checkInteger(narg);
    }

    /** {@code luaL_checklstring}: the exact bytes. */
    byte[] checkBytes(int narg) {
        byte[] s = toBytes(narg);
        if (s == null) {
            throw typeError(narg, "string");
        }
        return s;
    }

    /** {@code luaL_checkstring} read as C reads it: up to the first NUL. */
    byte[] checkCString(int narg) {
        return cString(checkBytes(narg));
    }

    /** {@code luaL_checkoption} without a default. */
    int checkOption(int narg, String[] options) {
        byte[] name = checkCString(narg);
        String s = new String(name, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < options.length; i++) {
            if (options[i].equals(s)) {
                return i;
            }
        }
        throw argError(narg, "invalid option '", name, "'");
    }

    /** {@code luaL_checkstack}. */
    void checkStack(int space, String message) {
        if (api.lua_checkstack(L, space) == 0) {
            throw error("stack overflow (", message, ")");
        }
    }

    static byte[] cString(byte[] s) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] == 0) {
                return java.util.Arrays.copyOf(s, i);
            }
        }
        return s;
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            byte[] b = p instanceof byte[] bytes ? bytes : String.valueOf(p).getBytes(StandardCharsets.ISO_8859_1);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    // ---- lua_getinfo through java.lang.foreign (luajava has no binding for it) -----------------

    /** {name, namewhat} of the running function as its caller named it, or null (no frame). */
    private byte[][] callee() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ar = arena.allocate(Debug.LUA_DEBUG_SIZE, 8);
            MemorySegment state = MemorySegment.ofAddress(L);
            if ((int) Debug.GETSTACK.invokeExact(state, 0, ar) == 0) {
                return null;
            }
            int ignored = (int) Debug.GETINFO.invokeExact(state, Debug.WHAT_N, ar);
            return new byte[][] {cBytes(ar.get(ADDRESS, Debug.NAME_OFFSET)), cBytes(ar.get(ADDRESS, Debug.NAMEWHAT_OFFSET))};
        } catch (Throwable t) {
            return new byte[][] {null, new byte[0]};
        }
    }

    private static byte[] cBytes(MemorySegment p) {
        if (p.address() == 0) {
            return null;
        }
        MemorySegment s = p.reinterpret(Long.MAX_VALUE);
        int n = 0;
        while (s.get(JAVA_BYTE, n) != 0) {
            n++;
        }
        byte[] out = new byte[n];
        MemorySegment.copy(s, JAVA_BYTE, 0, out, 0, n);
        return out;
    }

    /** Handles on the C API; bound on first use (the Lua native library is loaded by then). */
    private static final class Debug {
        /** {@code struct lua_Debug} of Lua 5.1 on LP64: int event, then the name and namewhat pointers. */
        static final long NAME_OFFSET = 8;
        static final long NAMEWHAT_OFFSET = 16;
        /** Generously more than the 5.1 struct (about 120 bytes with short_src[60]). */
        static final long LUA_DEBUG_SIZE = 256;
        static final MethodHandle GETSTACK;
        static final MethodHandle GETINFO;
        static final MemorySegment WHAT_N = Arena.global().allocateFrom("n");

        static {
            Linker linker = Linker.nativeLinker();
            SymbolLookup lookup = SymbolLookup.loaderLookup();
            GETSTACK = linker.downcallHandle(lookup.find("lua_getstack").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
            GETINFO = linker.downcallHandle(lookup.find("lua_getinfo").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        }
    }
}
