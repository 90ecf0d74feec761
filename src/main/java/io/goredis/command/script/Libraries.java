package io.goredis.command.script;

import java.util.List;

/** The libraries every script's Lua state gets besides Lua's own: Redis 7.0's bit, cjson, struct, cmsgpack. */
public final class Libraries {

    private Libraries() {}

    /** Fresh library objects for one new Lua state. */
    public static List<LuaLibrary> all() {
        return List.of();
    }
}
