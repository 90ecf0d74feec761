package io.goredis.command.script.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.command.script.LuaLibrary;
import io.goredis.command.script.LuaStrings;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import party.iroiro.luajava.Lua;

/**
 * The plumbing every library function goes through: Java failures come out as Lua errors (never an
 * exception through luajava), and lauxlib's argument errors name the function as the caller wrote it.
 */
class LuaCallTest {

    /** A stand-in library (under a name the sandbox installs) whose functions misbehave on purpose. */
    private static final class Faulty implements LuaLibrary {
        @Override
        public String name() {
            return "bit";
        }

        @Override
        public void push(Lua lua, LuaStrings strings) {
            lua.createTable(0, 8);
            LuaCall.setFunction(lua, strings, "throws", c -> {
                throw new IllegalStateException("boom");
            });
            LuaCall.setFunction(lua, strings, "oom", c -> {
                throw new OutOfMemoryError();
            });
            LuaCall.setFunction(lua, strings, "deep", c -> {
                throw new StackOverflowError();
            });
            LuaCall.setFunction(lua, strings, "arg", c -> {
                throw c.argError((int) c.checkInteger(Math.max(c.top(), 1)), "why"); // the last argument says which
            });
            LuaCall.setFunction(lua, strings, "option", c -> {
                c.pushInteger(c.checkOption(1, new String[] {"a", "b"}));
                return 1;
            });
            LuaCall.setFunction(lua, strings, "stack", c -> {
                c.checkStack(100000, "too much");
                return 0;
            });
            LuaCall.setFunction(lua, strings, "cstring", c -> {
                c.pushBytes(c.checkCString(1));
                return 1;
            });
        }
    }

    private final LibSandbox lua = new LibSandbox(List.of(new Faulty()));

    @AfterEach
    void close() {
        lua.close();
    }

    @Test
    void javaFailures_becomeLuaErrors() {
        assertEquals("-ERR internal error in library function (IllegalStateException)",
                lua.eval("return bit.throws()"));
        assertEquals("-ERR not enough memory", lua.eval("return bit.oom()"));
        assertEquals("[$-1, $'stack overflow']", lua.eval("return {pcall(bit.deep)}"));
        assertEquals("$'ok'", lua.eval("pcall(bit.throws) pcall(bit.oom) return 'ok'"));
    }

    @Test
    void argError_namesTheFunctionAsCalled() {
        assertEquals("-ERR user_script:1: bad argument #2 to 'arg' (why)", lua.eval("return bit.arg(2)"));
        assertEquals("-ERR user_script:1: bad argument #2 to 'f' (why)", lua.eval("local f = bit.arg return f(2)"));
        assertEquals("[$-1, $'bad argument #2 to \\x27?\\x27 (why)']", lua.eval("return {pcall(bit.arg, 2)}"));
        assertEquals("-ERR user_script:1: calling 'arg' on bad self (why)", lua.eval("return bit:arg(1)"));
        assertEquals("-ERR user_script:1: calling 'arg' on bad self (number expected, got table)",
                lua.eval("return bit:arg()"));
        assertEquals("-ERR user_script:1: bad argument #1 to 'arg' (why)", lua.eval("return bit:arg(2)"));
        assertEquals("-ERR user_script:1: bad argument #1 to 'arg' (number expected, got no value)",
                lua.eval("return bit.arg()"));
    }

    @Test
    void lauxlibChecks_haveLauxlibTexts() {
        assertEquals(":1", lua.eval("return bit.option('b')"));
        assertEquals("-ERR user_script:1: bad argument #1 to 'option' (invalid option 'c')",
                lua.eval("return bit.option('c')"));
        assertEquals("-ERR user_script:1: bad argument #1 to 'option' (string expected, got nil)",
                lua.eval("return bit.option(nil)"));
        assertEquals("-ERR user_script:1: stack overflow (too much)", lua.eval("return bit.stack()"));
        assertEquals("$'ab'", lua.eval("return bit.cstring(ARGV[1])", "ab\0cd"));
    }
}
