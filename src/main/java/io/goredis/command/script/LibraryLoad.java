package io.goredis.command.script;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import party.iroiro.luajava.Lua;

/**
 * What one run of a library's body registered with {@code redis.register_function}, as Redis 7.0's
 * {@code luaRegisterFunction} reads its arguments: {@code register_function(name, callback)} or
 * {@code register_function{function_name=, callback=, flags=, description=}}, with its error texts.
 * Each callback is kept in the state's registry until {@link #release}.
 */
final class LibraryLoad {

    /** One registered function and its callback's registry reference. */
    record Registered(Library.Function function, int ref) {}

    private final List<Registered> registered = new ArrayList<>();

    List<Registered> registered() {
        return registered;
    }

    /** Drops every callback reference (after a failed load, or a validation-only load). */
    void release(LuaSandbox lua) {
        for (Registered r : registered) {
            lua.release(r.ref());
        }
        registered.clear();
    }

    /** The host function {@code redis.register_function}; arguments on {@code l}'s stack. */
    int register(Lua l) {
        int argc = l.getTop();
        if (argc < 1 || argc > 2) {
            return fail(l, "wrong number of arguments to redis.register_function", -1);
        }
        return argc == 1 ? named(l) : positional(l);
    }

    private int positional(Lua l) {
        String name = string(l, 1);
        if (name == null) {
            return fail(l, "first argument to redis.register_function must be a string", -1);
        }
        if (l.type(2) != Lua.LuaType.FUNCTION) {
            return fail(l, "second argument to redis.register_function must be a function", -1);
        }
        l.pushValue(2);
        int ref = l.ref();
        return add(l, name, null, ScriptFlags.NONE, ref);
    }

    private int named(Lua l) {
        if (l.type(1) != Lua.LuaType.TABLE) {
            return fail(l, "calling redis.register_function with a single argument is only applicable to Lua table "
                    + "(representing named arguments).", -1);
        }
        String name = null;
        String description = null;
        ScriptFlags flags = ScriptFlags.NONE;
        int ref = -1;
        l.pushNil();
        while (l.next(1) != 0) {
            if (l.type(-2) != Lua.LuaType.STRING) {
                return fail(l, "named argument key given to redis.register_function is not a string", ref);
            }
            String key = string(l, -2).toLowerCase(Locale.ROOT);
            switch (key) {
                case "function_name" -> {
                    name = string(l, -1);
                    if (name == null) {
                        return fail(l, "function_name argument given to redis.register_function must be a string", ref);
                    }
                }
                case "description" -> {
                    description = string(l, -1);
                    if (description == null) {
                        return fail(l, "description argument given to redis.register_function must be a string", ref);
                    }
                }
                case "callback" -> {
                    if (l.type(-1) != Lua.LuaType.FUNCTION) {
                        return fail(l, "callback argument given to redis.register_function must be a function", ref);
                    }
                    if (ref >= 0) {
                        l.unref(ref);
                    }
                    ref = l.ref(); // pops the value
                    continue;
                }
                case "flags" -> {
                    if (l.type(-1) != Lua.LuaType.TABLE) {
                        return fail(l, "flags argument to redis.register_function must be a table representing "
                                + "function flags", ref);
                    }
                    flags = flags(l);
                    if (flags == null) {
                        return fail(l, "unknown flag given", ref);
                    }
                }
                default -> {
                    return fail(l, "unknown argument given to redis.register_function", ref);
                }
            }
            l.pop(1);
        }
        if (name == null) {
            return fail(l, "redis.register_function must get a function name argument", ref);
        }
        if (ref < 0) {
            return fail(l, "redis.register_function must get a callback argument", ref);
        }
        return add(l, name, description, flags, ref);
    }

    /** The flags table at the top of the stack (an array of names, any case), or null for an unknown one. */
    private static ScriptFlags flags(Lua l) {
        ScriptFlags flags = ScriptFlags.NONE;
        int table = l.getTop();
        for (int j = 1; ; j++) {
            l.rawGetI(table, j);
            Lua.LuaType t = l.type(-1);
            if (t == Lua.LuaType.NIL) {
                l.pop(1);
                return flags;
            }
            String flag = t == Lua.LuaType.STRING || t == Lua.LuaType.NUMBER ? string(l, -1) : null;
            l.pop(1);
            ScriptFlags next = flag == null ? null : flags.with(flag.toLowerCase(Locale.ROOT));
            if (next == null) {
                return null;
            }
            flags = next;
        }
    }

    /** Redis's {@code functionLibCreateFunction}. */
    private int add(Lua l, String name, String description, ScriptFlags flags, int ref) {
        if (!Functions.validName(name)) {
            return fail(l, Functions.BAD_NAME.substring(4), ref);
        }
        for (Registered r : registered) {
            if (r.function().name().equalsIgnoreCase(name)) {
                return fail(l, "Function already exists in the library", ref);
            }
        }
        registered.add(new Registered(new Library.Function(name, description, flags), ref));
        return 0;
    }

    private static int fail(Lua l, String message, int ref) {
        if (ref >= 0) {
            l.unref(ref);
        }
        LuaReplies.pushError(l, LuaRuntime.strings(), message);
        return -1;
    }

    /** The string (or number, as text) at {@code index}, or null. */
    private static String string(Lua l, int index) {
        Lua.LuaType t = l.type(index);
        if (t != Lua.LuaType.STRING && t != Lua.LuaType.NUMBER) {
            return null;
        }
        int abs = index < 0 ? l.getTop() + index + 1 : index;
        if (t == Lua.LuaType.NUMBER) {
            l.pushValue(abs); // convert a copy: converting a table key in place would break next()
            byte[] b = LuaRuntime.strings().get(l.getPointer(), -1);
            l.pop(1);
            return new String(b, StandardCharsets.UTF_8);
        }
        return new String(LuaRuntime.strings().get(l.getPointer(), abs), StandardCharsets.UTF_8);
    }
}
