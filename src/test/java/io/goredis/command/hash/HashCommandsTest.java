package io.goredis.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.command.CommandSpec;
import io.goredis.command.CommandTable;
import io.goredis.command.Flag;
import io.goredis.store.Entry;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hash group's command table rows (Redis 7.0's COMMAND INFO) and WRONGTYPE both ways: every hash
 * command on a string, string commands on a hash.
 */
class HashCommandsTest extends HashTestBase {

    @Test
    void table_rowsAsRedis70() {
        try (CommandTable table = CommandTable.standard()) {
            Set<Flag> wdf = Set.of(Flag.WRITE, Flag.DENYOOM, Flag.FAST);
            Set<Flag> rf = Set.of(Flag.READONLY, Flag.FAST);
            Set<Flag> r = Set.of(Flag.READONLY);
            assertRow(table, "hset", -4, wdf);
            assertRow(table, "hsetnx", 4, wdf);
            assertRow(table, "hmset", -4, wdf);
            assertRow(table, "hget", 3, rf);
            assertRow(table, "hmget", -3, rf);
            assertRow(table, "hgetall", 2, r);
            assertRow(table, "hdel", -3, Set.of(Flag.WRITE, Flag.FAST));
            assertRow(table, "hlen", 2, rf);
            assertRow(table, "hstrlen", 3, rf);
            assertRow(table, "hexists", 3, rf);
            assertRow(table, "hkeys", 2, r);
            assertRow(table, "hvals", 2, r);
            assertRow(table, "hincrby", 4, wdf);
            assertRow(table, "hincrbyfloat", 4, wdf);
            assertRow(table, "hrandfield", -2, r);
            assertRow(table, "hscan", -3, r);
        }
    }

    private static void assertRow(CommandTable table, String name, int arity, Set<Flag> flags) {
        CommandSpec spec = table.get(name);
        assertEquals(arity, spec.arity(), name);
        assertEquals(flags, spec.flags(), name);
        assertEquals(1, spec.firstKey(), name);
        assertEquals(1, spec.lastKey(), name);
        assertEquals(1, spec.step(), name);
        assertEquals("hash", spec.group(), name);
    }

    @Test
    void everyCommand_onAString_wrongType() {
        run("SET", "s", "x");
        String wrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value";
        String[][] commands = {
            {"HSET", "s", "a", "1"}, {"HMSET", "s", "a", "1"}, {"HSETNX", "s", "a", "1"}, {"HGET", "s", "a"},
            {"HMGET", "s", "a"}, {"HGETALL", "s"}, {"HKEYS", "s"}, {"HVALS", "s"}, {"HDEL", "s", "a"},
            {"HLEN", "s"}, {"HSTRLEN", "s", "a"}, {"HEXISTS", "s", "a"}, {"HINCRBY", "s", "a", "1"},
            {"HINCRBYFLOAT", "s", "a", "1"}, {"HRANDFIELD", "s"}, {"HRANDFIELD", "s", "0"},
            {"HRANDFIELD", "s", "-3", "WITHVALUES"}, {"HSCAN", "s", "0"}, {"HSCAN", "s", "0", "COUNT", "0"},
        };
        for (String[] command : commands) {
            assertEquals(wrongType, run(command), String.join(" ", command));
        }
        assertEquals("$x", run("GET", "s"));
        assertEquals(Entry.NO_EXPIRY, entry("s").orElseThrow().expireAtMillis());
    }

    @Test
    void stringCommands_onAHash_wrongType() {
        run("HSET", "h", "a", "1");
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value", run("GET", "h"));
        assertEquals("+hash", run("TYPE", "h"));
    }
}
