package io.goredis.command.script;

import party.iroiro.luajava.lua51.Lua51;

/**
 * The process-wide part of the Lua bridge: luajava loads the C Lua library once per JVM (extracted
 * to {@code java.io.tmpdir} on first use), and {@link LuaStrings} binds to its symbols after that.
 * A static holder on purpose: the native library itself is process-global.
 */
final class LuaRuntime {

    private LuaRuntime() {}

    private static final class Holder {
        static final LuaStrings STRINGS;

        static {
            new Lua51().close(); // makes luajava load the native library in this class loader
            STRINGS = new LuaStrings();
        }
    }

    /** The binary-safe string functions; loads the native library on first call. */
    static LuaStrings strings() {
        return Holder.STRINGS;
    }
}
