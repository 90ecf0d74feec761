package io.goredis.command.script;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * Binary-safe strings between Java and the C Lua state, through {@code java.lang.foreign}: luajava's
 * own {@code push(String)} goes through JNI's modified UTF-8 (a NUL becomes {@code C0 80}) and its
 * {@code toString} stops at the first NUL, while Redis values are arbitrary bytes. The Lua library
 * that luajava loads exports the whole C API, so {@code lua_pushlstring} and {@code lua_tolstring}
 * are called directly (a few nanoseconds, no copy on the way in).
 *
 * <p>Used by {@link LuaSandbox} and the libraries; only valid once luajava has loaded its native
 * library (the first {@code new Lua51()}), which {@link LuaSandbox} guarantees.
 */
public final class LuaStrings {

    private static final Linker LINKER = Linker.nativeLinker();

    private final MethodHandle pushLString;
    private final MethodHandle toLString;
    private final ThreadLocal<MemorySegment> length = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(JAVA_LONG));

    LuaStrings() {
        SymbolLookup lookup = SymbolLookup.loaderLookup();
        pushLString = LINKER.downcallHandle(symbol(lookup, "lua_pushlstring"),
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG), Linker.Option.critical(true));
        toLString = LINKER.downcallHandle(symbol(lookup, "lua_tolstring"),
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
    }

    private static MemorySegment symbol(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new IllegalStateException(
                "the Lua native library does not export " + name + " (was it loaded by this class loader?)"));
    }

    /** Pushes {@code bytes} as a Lua string on the state {@code luaState} (a {@code lua_State*}). */
    public void push(long luaState, byte[] bytes) {
        try {
            pushLString.invokeExact(MemorySegment.ofAddress(luaState), MemorySegment.ofArray(bytes), (long) bytes.length);
        } catch (Throwable t) {
            throw new IllegalStateException("lua_pushlstring failed", t);
        }
    }

    /**
     * The exact bytes of the string at {@code index} (a number there is converted in place, as
     * {@code lua_tolstring} does), or null when the value is neither a string nor a number.
     */
    public byte[] get(long luaState, int index) {
        try {
            MemorySegment len = length.get();
            MemorySegment p = (MemorySegment) toLString.invokeExact(MemorySegment.ofAddress(luaState), index, len);
            if (p.address() == 0) {
                return null;
            }
            int n = Math.toIntExact(len.get(JAVA_LONG, 0));
            byte[] out = new byte[n];
            MemorySegment.copy(p.reinterpret(n), JAVA_BYTE, 0, out, 0, n);
            return out;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("lua_tolstring failed", t);
        }
    }
}
