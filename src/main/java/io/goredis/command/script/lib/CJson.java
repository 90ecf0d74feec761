package io.goredis.command.script.lib;

import io.goredis.command.script.LuaLibrary;
import io.goredis.command.script.LuaStrings;
import party.iroiro.luajava.Lua;
import party.iroiro.luajava.lua51.Lua51Natives;

/**
 * The {@code cjson} library of Redis 7.0 scripts: a port of the Lua CJSON 2.1.0 that Redis embeds
 * ({@code deps/lua/src/lua_cjson.c} with {@code fpconv.c}), same texts, limits and defaults:
 * encode / decode, {@code cjson.null} (a NULL lightuserdata, as in C), the configuration functions
 * (encode_sparse_array, encode_max_depth, decode_max_depth, encode_number_precision,
 * encode_keep_buffer, encode_invalid_numbers, decode_invalid_numbers), {@code new} (a fresh table
 * with its own configuration), {@code _NAME} and {@code _VERSION}.
 *
 * <p>Installed by {@code LuaSandbox} once per Lua state ({@link #push}); like the C library, each
 * pushed table has one mutable {@link Config} shared by its functions, so a script that changes a
 * setting changes it for the later scripts of that state. The work is done by {@link CJsonEncoder}
 * and {@link CJsonDecoder}.
 */
public final class CJson implements LuaLibrary {

    static final String NAME = "cjson";
    static final String VERSION = "2.1.0";

    /** {@code json_config_t}: the settings of one cjson table, with lua_cjson.c's defaults. */
    static final class Config {
        int encodeSparseConvert = 0;
        int encodeSparseRatio = 2;
        int encodeSparseSafe = 10;
        int encodeMaxDepth = 1000;
        int decodeMaxDepth = 1000;
        /** 0 refuses NaN / Inf, 1 writes them ("inf", "nan"), 2 writes "null". */
        int encodeInvalidNumbers = 0;
        int decodeInvalidNumbers = 1;
        int encodeKeepBuffer = 1;
        int encodeNumberPrecision = 14;
    }

    private static final String[] BOOL_OPTIONS = {"off", "on"};
    private static final String[] INVALID_NUMBER_OPTIONS = {"off", "on", "null"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void push(Lua lua, LuaStrings strings) {
        pushTable(lua, strings);
    }

    /** {@code lua_cjson_new}: a new module table with its own configuration. */
    static void pushTable(Lua lua, LuaStrings strings) {
        Config cfg = new Config();
        lua.createTable(0, 13);
        LuaCall.setFunction(lua, strings, "encode", c -> CJsonEncoder.encode(c, cfg));
        LuaCall.setFunction(lua, strings, "decode", c -> CJsonDecoder.decode(c, cfg));
        LuaCall.setFunction(lua, strings, "encode_sparse_array", c -> encodeSparseArray(c, cfg));
        LuaCall.setFunction(lua, strings, "encode_max_depth", c -> {
            argInit(c, 1);
            return integerOption(c, 1, cfg.encodeMaxDepth, 1, Integer.MAX_VALUE, v -> cfg.encodeMaxDepth = v);
        });
        LuaCall.setFunction(lua, strings, "decode_max_depth", c -> {
            argInit(c, 1);
            return integerOption(c, 1, cfg.decodeMaxDepth, 1, Integer.MAX_VALUE, v -> cfg.decodeMaxDepth = v);
        });
        LuaCall.setFunction(lua, strings, "encode_number_precision", c -> {
            argInit(c, 1);
            return integerOption(c, 1, cfg.encodeNumberPrecision, 1, 14, v -> cfg.encodeNumberPrecision = v);
        });
        LuaCall.setFunction(lua, strings, "encode_keep_buffer", c -> {
            argInit(c, 1);
            // the buffer itself is not kept between calls here; the setting only reads back
            cfg.encodeKeepBuffer = enumOption(c, 1, cfg.encodeKeepBuffer, BOOL_OPTIONS, 1);
            return 1;
        });
        LuaCall.setFunction(lua, strings, "encode_invalid_numbers", c -> {
            argInit(c, 1);
            cfg.encodeInvalidNumbers = enumOption(c, 1, cfg.encodeInvalidNumbers, INVALID_NUMBER_OPTIONS, 1);
            return 1;
        });
        LuaCall.setFunction(lua, strings, "decode_invalid_numbers", c -> {
            argInit(c, 1);
            cfg.decodeInvalidNumbers = enumOption(c, 1, cfg.decodeInvalidNumbers, BOOL_OPTIONS, 1);
            return 1;
        });
        LuaCall.setFunction(lua, strings, "new", c -> {
            pushTable(c.lua, c.strings);
            return 1;
        });
        ((Lua51Natives) lua.getLuaNatives()).lua_pushlightuserdata(lua.getPointer(), 0);
        lua.setField(-2, "null");
        lua.push(NAME);
        lua.setField(-2, "_NAME");
        lua.push(VERSION);
        lua.setField(-2, "_VERSION");
    }

    /** {@code json_arg_init}: at most {@code args} arguments, padded with nils. */
    private static void argInit(LuaCall c, int args) {
        c.argCheck(c.top() <= args, args + 1, "found too many arguments");
        while (c.top() < args) {
            c.api.lua_pushnil(c.L);
        }
    }

    @FunctionalInterface
    private interface IntSetter {
        void set(int value);
    }

    /** {@code json_integer_option}: sets from a non-nil argument (range errors name argument 1, as in C). */
    private static int integerOption(LuaCall c, int index, int current, int min, int max, IntSetter setter) {
        int setting = current;
        if (c.type(index) != LuaCall.TNIL) {
            int value = (int) c.checkInteger(index);
            c.argCheck(min <= value && value <= max, 1, "expected integer between " + min + " and " + max);
            setting = value;
            setter.set(value);
        }
        c.pushInteger(setting);
        return 1;
    }

    /** {@code json_enum_option}: a boolean or one of {@code options}; pushes the setting, returns it. */
    private static int enumOption(LuaCall c, int index, int setting, String[] options, int boolTrue) {
        if (c.type(index) != LuaCall.TNIL) {
            if (boolTrue != 0 && c.type(index) == LuaCall.TBOOLEAN) {
                setting = (c.api.lua_toboolean(c.L, index) != 0 ? 1 : 0) * boolTrue;
            } else {
                setting = c.checkOption(index, options);
            }
        }
        if (boolTrue != 0 && (setting == 0 || setting == boolTrue)) {
            c.pushBoolean(setting != 0);
        } else {
            c.pushBytes(options[setting].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return setting;
    }

    /** {@code json_cfg_encode_sparse_array}: convert, ratio, safe. */
    private static int encodeSparseArray(LuaCall c, Config cfg) {
        argInit(c, 3);
        cfg.encodeSparseConvert = enumOption(c, 1, cfg.encodeSparseConvert, BOOL_OPTIONS, 1);
        integerOption(c, 2, cfg.encodeSparseRatio, 0, Integer.MAX_VALUE, v -> cfg.encodeSparseRatio = v);
        integerOption(c, 3, cfg.encodeSparseSafe, 0, Integer.MAX_VALUE, v -> cfg.encodeSparseSafe = v);
        return 3;
    }
}
