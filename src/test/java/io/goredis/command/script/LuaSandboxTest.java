package io.goredis.command.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox on its own: what a script can reach, Redis's error shapes, binary strings, the kill hook. */
class LuaSandboxTest {

    private final LuaSandbox lua = new LuaSandbox(Map.of(), List.of(), null);

    @AfterEach
    void close() {
        lua.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code source}; the result as a string (tostring), or "ERR:" + the error table's err. */
    private String run(String source) {
        int ref = lua.compile(b(source), LuaSandbox.SCRIPT_CHUNK);
        try {
            boolean ok = lua.call(ref, () -> 0);
            if (ok) {
                byte[] s = lua.strings().get(lua.pointer(), -1);
                return s == null ? String.valueOf(lua.lua().type(-1)) : new String(s, StandardCharsets.ISO_8859_1);
            }
            lua.lua().getField(-1, "err");
            String err = lua.lua().toString(-1);
            lua.lua().getField(-2, "line");
            return "ERR:" + err + "@" + lua.lua().toString(-1);
        } finally {
            lua.clearStack();
            lua.release(ref);
        }
    }

    @Test
    void basics_andLua51Numbers() {
        assertEquals("2", run("return 1 + 1"));
        assertEquals("0.33333333333333", run("return tostring(1/3)"));
        assertEquals("ababab", run("return ('ab'):rep(3)"));
        assertEquals("1,2,3", run("return table.concat({unpack({1,2,3})}, ',')"));
    }

    @Test
    void globals_areReadOnly_andMissingOnesRaise() {
        assertEquals("ERR:ERR user_script:1: Attempt to modify a readonly table@1", run("x = 1"));
        assertEquals("ERR:ERR user_script:1: Script attempted to access nonexistent global variable 'y'@1",
                run("return y"));
        assertEquals("ERR:ERR user_script:1: Attempt to modify a readonly table@1", run("string.foo = 1"));
        assertEquals("ERR:ERR user_script:1: Attempt to modify a readonly table@1", run("string.format = nil"));
        assertEquals("%d", run("return ('%d')"));
        assertEquals("ERR:ERR Attempt to modify a readonly table@1", run("rawset(_G, 'x', 1)"));
        assertTrue(run("return os").contains("nonexistent global variable 'os'"));
        assertTrue(run("return io").contains("nonexistent global variable 'io'"));
        assertTrue(run("return debug").contains("nonexistent global variable 'debug'"));
        assertTrue(run("return java").contains("nonexistent global variable 'java'"));
        assertTrue(run("return require").contains("nonexistent global variable 'require'"));
    }

    @Test
    void pcall_turnsErrTablesIntoStrings() {
        assertEquals("x", run("local ok, e = pcall(error, {err='x'}) return e"));
        assertEquals("table", run("local ok, e = pcall(error, {foo=1}) return type(e)"));
    }

    @Test
    void errorTables_keepTheirErr_andGetThePosition() {
        assertEquals("ERR:CODE m@2", run("local a = 1\nerror({err='CODE m'})"));
        assertEquals("ERR:ERR user_script:1: boom@1", run("error('boom')"));
    }

    @Test
    void strings_areBinarySafe() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        lua.setGlobalStrings("ARGV", List.of(all));
        int ref = lua.compile(b("return ARGV[1] .. '\\0'"), LuaSandbox.SCRIPT_CHUNK);
        assertTrue(lua.call(ref, () -> 0));
        byte[] out = lua.strings().get(lua.pointer(), -1);
        assertEquals(257, out.length);
        assertArrayEquals(all, java.util.Arrays.copyOf(out, 256));
        lua.clearStack();
    }

    @Test
    void compileError_hasLuasMessage() {
        LuaSandbox.CompileError e = assertThrows(LuaSandbox.CompileError.class,
                () -> lua.compile(b("return 1 +"), LuaSandbox.SCRIPT_CHUNK));
        assertEquals("user_script:1: unexpected symbol near '<eof>'", e.getMessage());
    }

    @Test
    void kill_stopsARunawayScript_andTheStateStaysUsable() throws Exception {
        Thread killer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            lua.kill();
        });
        assertEquals("ERR:ERR Script killed by user with SCRIPT KILL...@1",
                run("while true do pcall(function() while true do end end) end"));
        killer.join();
        lua.resetKill();
        assertEquals("2", run("return 1 + 1"));
        assertFalse(run("return 1").startsWith("ERR"));
    }
}
