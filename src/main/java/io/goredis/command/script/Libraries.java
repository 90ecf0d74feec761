package io.goredis.command.script;

import io.goredis.command.script.lib.Bit;
import io.goredis.command.script.lib.CJson;
import io.goredis.command.script.lib.CMsgPack;
import io.goredis.command.script.lib.MathRandom;
import io.goredis.command.script.lib.Struct;
import java.util.List;

/** The libraries every script's Lua state gets besides Lua's own: Redis 7.0's bit, cjson, struct, cmsgpack. */
public final class Libraries {

    private Libraries() {}

    /**
     * Fresh library objects for one new Lua state; {@code random} is the server's one
     * {@code math.random} generator, shared by all its states as Redis's is.
     */
    public static List<LuaLibrary> all(MathRandom.Rand48 random) {
        return List.of(new Bit(), new CJson(), new Struct(), new CMsgPack(), new MathRandom(random));
    }
}
