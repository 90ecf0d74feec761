package io.goredis.command.script.lib;

import io.goredis.command.script.LuaLibrary;
import io.goredis.command.script.LuaStrings;
import party.iroiro.luajava.Lua;

/**
 * Redis's {@code math.random} and {@code math.randomseed} (script_lua.c's {@code redis_math_random}):
 * Lua 5.1's own functions with {@code rand()} replaced by Redis's {@code redisLrand48()}, one
 * generator for the whole server (not reset per script), so seeded sequences equal Redis's. The
 * sandbox puts these two into the {@code math} table.
 */
public final class MathRandom implements LuaLibrary {

    /** Redis's rand.c: the 48-bit linear congruential generator of {@code lrand48}. Thread-safe. */
    public static final class Rand48 {
        private static final long A = 0x5DEECE66DL;
        private static final long C = 0xB;
        private static final long MASK = (1L << 48) - 1;
        private long x = 0x1234ABCD330EL;

        /** {@code redisLrand48()}: the next 31-bit value. */
        public synchronized int next() {
            x = (A * x + C) & MASK;
            return (int) (x >>> 17);
        }

        /** {@code redisSrand48(seed)}. */
        public synchronized void seed(int seed) {
            x = ((long) (seed & 0xFFFFFFFFL) << 16) | 0x330E;
        }
    }

    private static final double LRAND48_MAX = Integer.MAX_VALUE;
    private final Rand48 generator;

    public MathRandom(Rand48 generator) {
        this.generator = generator;
    }

    @Override
    public String name() {
        return "math_random";
    }

    @Override
    public void push(Lua lua, LuaStrings strings) {
        lua.createTable(0, 2);
        LuaCall.setFunction(lua, strings, "random", this::random);
        LuaCall.setFunction(lua, strings, "randomseed", c -> {
            generator.seed(checkInt(c, 1));
            return 0;
        });
    }

    private int random(LuaCall c) {
        double r = (generator.next() % Integer.MAX_VALUE) / LRAND48_MAX;
        switch (c.top()) {
            case 0 -> c.pushNumber(r);
            case 1 -> {
                int u = checkInt(c, 1);
                c.argCheck(1 <= u, 1, "interval is empty");
                c.pushNumber(Math.floor(r * u) + 1);
            }
            case 2 -> {
                int l = checkInt(c, 1);
                int u = checkInt(c, 2);
                c.argCheck(l <= u, 2, "interval is empty");
                c.pushNumber(Math.floor(r * (u - l + 1)) + l);
            }
            default -> throw c.error("wrong number of arguments");
        }
        return 1;
    }

    /** {@code luaL_checkint}: the integer argument, narrowed to C's int. */
    private static int checkInt(LuaCall c, int narg) {
        return (int) c.checkInteger(narg);
    }
}
