package io.goredis.command.script;

import party.iroiro.luajava.Lua;

/**
 * A library Redis gives scripts besides Lua's own (bit, cjson, struct, cmsgpack): it pushes its
 * table onto a fresh state's stack, once per state, and {@link LuaSandbox} installs it read-only
 * under {@link #name()}.
 */
public interface LuaLibrary {

    /** The global name scripts use, e.g. "cjson". */
    String name();

    /**
     * Pushes the library table onto {@code lua}'s stack (exactly one value). {@code strings} moves
     * binary-safe strings; functions raise Lua errors by pushing the message and returning -1.
     */
    void push(Lua lua, LuaStrings strings);
}
