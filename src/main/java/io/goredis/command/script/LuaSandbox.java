package io.goredis.command.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import party.iroiro.luajava.JFunction;
import party.iroiro.luajava.Lua;
import party.iroiro.luajava.LuaException;
import party.iroiro.luajava.lua51.Lua51;
import party.iroiro.luajava.lua51.Lua51Natives;

/**
 * One C Lua 5.1 state (luajava, the interpreter Redis embeds) set up as Redis 7.0 sets up its own
 * ({@code sandbox.lua}): base, table, string, math and coroutine libraries, the {@code redis} table
 * and the bit, cjson, struct and cmsgpack libraries; no io, os, package, debug or file loading;
 * read-only globals and library tables; Redis's {@code pcall} and error handler; a count hook that
 * stops the script when {@link #kill()} is called (SCRIPT KILL).
 *
 * <p>Not thread-safe: a state is used by one thread at a time ({@link SandboxPool} hands them out).
 * Scripts compiled into it stay there by reference ({@link #compile}). Every call into Lua is a
 * protected call: a Lua error outside one would abort the process.
 */
final class LuaSandbox implements AutoCloseable {

    /** Chunk name of EVAL scripts: errors read "user_script:1: ...". */
    static final String SCRIPT_CHUNK = "@user_script";
    /** Chunk name of function libraries. */
    static final String FUNCTION_CHUNK = "@user_function";

    private final Lua51 lua;
    private final Lua51Natives natives;
    private final long pointer;
    private final LuaStrings strings;
    /** The error the running script raises at its next hook (SCRIPT KILL, a load timeout), or null. */
    private volatile String killed;
    private final int envRef;
    private final int apiRef;
    private final int handlerRef;
    private final int resetHookRef;
    private final int loadingRef;
    private final int runningRef;
    private final int functionsRef;

    /** Which globals a run sees: EVAL's, a function's (FCALL), or a library's body (FUNCTION LOAD). */
    enum Api { EVAL, FUNCTION, LOAD }

    /**
     * @param redis   the host functions of the {@code redis} table (call, pcall, sha1hex, log, setresp, ...)
     * @param libs    the libraries to install (bit, cjson, struct, cmsgpack)
     * @param register {@code redis.register_function} for FUNCTION LOAD, or null
     */
    LuaSandbox(Map<String, JFunction> redis, List<LuaLibrary> libs, JFunction register) {
        this.lua = new Lua51();
        this.natives = (Lua51Natives) lua.getLuaNatives();
        this.pointer = lua.getPointer();
        this.strings = LuaRuntime.strings();
        lua.openLibrary("table");
        lua.openLibrary("string");
        lua.openLibrary("math");
        lua.openLibrary("debug"); // sandbox.lua keeps debug.sethook / getinfo, scripts never see debug
        lua.newTable(); // host
        lua.push((JFunction) l -> {
            String why = killed;
            if (why == null) {
                l.push(false);
            } else {
                l.push(why);
            }
            return 1;
        });
        lua.setField(-2, "killcheck");
        pushFunctions(redis);
        lua.setField(-2, "redis");
        for (LuaLibrary lib : libs) {
            int top = lua.getTop();
            lib.push(lua, strings);
            if (lua.getTop() != top + 1) {
                throw new IllegalStateException("library " + lib.name() + " pushed " + (lua.getTop() - top) + " values");
            }
            lua.setField(-2, lib.name());
        }
        if (register != null) {
            lua.push(register);
            lua.setField(-2, "register_function");
        }
        int host = lua.ref();
        load(resource("sandbox.lua"), "=sandbox");
        lua.refGet(host);
        if (natives.lua_pcall(pointer, 1, 1, 0) != 0) {
            String why = lua.toString(-1);
            lua.close();
            throw new IllegalStateException("the Lua sandbox failed to initialise: " + why);
        }
        lua.unref(host);
        int result = lua.getTop();
        envRef = field(result, "env");
        apiRef = field(result, "api");
        handlerRef = field(result, "handler");
        resetHookRef = field(result, "resethook");
        loadingRef = field(result, "loading");
        runningRef = field(result, "running");
        functionsRef = field(result, "functions");
        lua.pop(1);
        // the real globals keep luajava's own entries (java, __jthrowable__); scripts never see them
        lua.pushNil();
        lua.setGlobal("debug");
    }

    private void pushFunctions(Map<String, JFunction> functions) {
        lua.createTable(0, functions.size());
        for (Map.Entry<String, JFunction> f : functions.entrySet()) {
            lua.push(f.getValue());
            lua.setField(-2, f.getKey());
        }
    }

    private int field(int table, String name) {
        lua.getField(table, name);
        return lua.ref();
    }

    private static byte[] resource(String name) {
        try (InputStream in = LuaSandbox.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Lua lua() {
        return lua;
    }

    long pointer() {
        return pointer;
    }

    LuaStrings strings() {
        return strings;
    }

    /** Compiles a chunk without running it; leaves the function on the stack. */
    private void load(byte[] source, String chunkName) {
        ByteBuffer buf = ByteBuffer.allocateDirect(source.length);
        buf.put(source).flip();
        try {
            lua.load(buf, chunkName);
        } catch (LuaException e) {
            throw new CompileError(e.getMessage());
        }
    }

    /** A chunk that did not compile; the message is Lua's ("user_script:1: '=' expected near 'x'"). */
    static final class CompileError extends RuntimeException {
        CompileError(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Compiles {@code source} as a function running in the script environment and keeps it in the
     * state; returns its reference for {@link #call}. Throws {@link CompileError}.
     */
    int compile(byte[] source, String chunkName) {
        load(source, chunkName);
        lua.refGet(envRef);
        natives.lua_setfenv(pointer, -2);
        return lua.ref();
    }

    /** Forgets a compiled function. */
    void release(int ref) {
        lua.unref(ref);
    }

    /**
     * Calls the function {@code ref} with Redis's error handler, after pushing {@code args} (a
     * callback that pushes the arguments and returns their count). On success the one result is
     * left on the stack and true returned; on failure the error table ({err, source, line}) is left
     * on the stack and false returned. The caller pops what is left.
     */
    boolean call(int ref, java.util.function.IntSupplier args) {
        lua.refGet(handlerRef);
        int handlerIndex = lua.getTop();
        lua.refGet(ref);
        int n = args.getAsInt();
        int rc = natives.lua_pcall(pointer, n, 1, handlerIndex);
        lua.remove(handlerIndex);
        return rc == 0;
    }

    /** Sets a global of the script API (KEYS, ARGV) to a table of strings, or removes it when null. */
    void setGlobalStrings(String name, List<byte[]> values) {
        lua.refGet(apiRef);
        lua.push(name);
        if (values == null) {
            lua.pushNil();
        } else {
            lua.createTable(values.size(), 0);
            for (int i = 0; i < values.size(); i++) {
                strings.push(pointer, values.get(i));
                lua.rawSetI(-2, i + 1);
            }
        }
        lua.rawSet(-3);
        lua.pop(1);
    }

    /** Pushes a table of strings (the keys / args arguments of a function). */
    void pushStrings(List<byte[]> values) {
        lua.createTable(values.size(), 0);
        for (int i = 0; i < values.size(); i++) {
            strings.push(pointer, values.get(i));
            lua.rawSetI(-2, i + 1);
        }
    }

    /** Switches the globals scripts see. */
    void use(Api api) {
        lua.refGet(switch (api) {
            case EVAL -> runningRef;
            case FUNCTION -> functionsRef;
            case LOAD -> loadingRef;
        });
        natives.lua_pcall(pointer, 0, 0, 0);
    }

    /** Runs a chunk for its side effects only (a library's body), with the error handler; see {@link #call}. */
    boolean run(byte[] source, String chunkName) {
        int ref = compile(source, chunkName);
        try {
            return call(ref, () -> 0);
        } finally {
            release(ref);
        }
    }

    /** Redis's error for a script stopped by SCRIPT KILL or FUNCTION KILL. */
    static final String KILLED = "ERR Script killed by user with SCRIPT KILL...";

    /** SCRIPT KILL: the running script raises the kill error at its next hook (every 100,000 instructions). */
    void kill() {
        kill(KILLED);
    }

    /** Stops the running script with {@code error} (an error text with its code). */
    void kill(String error) {
        killed = error;
    }

    /** After a script ended (killed or not): clears the kill and puts the hook back to its normal period. */
    void resetKill() {
        if (killed != null) {
            killed = null;
            lua.refGet(resetHookRef);
            natives.lua_pcall(pointer, 0, 0, 0);
        }
    }

    /** Drops everything left on the stack. */
    void clearStack() {
        lua.setTop(0);
    }

    @Override
    public void close() {
        lua.close();
    }
}
