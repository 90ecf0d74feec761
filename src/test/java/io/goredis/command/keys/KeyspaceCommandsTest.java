package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.command.CommandSpec;
import io.goredis.command.Flag;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeyspaceCommandsTest {

    /** name -> "arity flags first,last,step", as redis-server 7.0.15's COMMAND INFO prints them. */
    private static final Map<String, String> REDIS = new TreeMap<>(Map.ofEntries(
            Map.entry("del", "-2 [write] 1,-1,1"),
            Map.entry("unlink", "-2 [fast, write] 1,-1,1"),
            Map.entry("exists", "-2 [fast, readonly] 1,-1,1"),
            Map.entry("touch", "-2 [fast, readonly] 1,-1,1"),
            Map.entry("type", "2 [fast, readonly] 1,1,1"),
            Map.entry("keys", "2 [readonly] 0,0,0"),
            Map.entry("scan", "-2 [readonly] 0,0,0"),
            Map.entry("randomkey", "1 [readonly] 0,0,0"),
            Map.entry("dbsize", "1 [fast, readonly] 0,0,0"),
            Map.entry("flushdb", "-1 [write] 0,0,0"),
            Map.entry("flushall", "-1 [write] 0,0,0"),
            Map.entry("swapdb", "3 [fast, write] 0,0,0"),
            Map.entry("rename", "3 [write] 1,2,1"),
            Map.entry("renamenx", "3 [fast, write] 1,2,1"),
            Map.entry("copy", "-3 [denyoom, write] 1,2,1"),
            Map.entry("move", "3 [fast, write] 1,1,1"),
            Map.entry("expire", "-3 [fast, write] 1,1,1"),
            Map.entry("pexpire", "-3 [fast, write] 1,1,1"),
            Map.entry("expireat", "-3 [fast, write] 1,1,1"),
            Map.entry("pexpireat", "-3 [fast, write] 1,1,1"),
            Map.entry("ttl", "2 [fast, readonly] 1,1,1"),
            Map.entry("pttl", "2 [fast, readonly] 1,1,1"),
            Map.entry("expiretime", "2 [fast, readonly] 1,1,1"),
            Map.entry("pexpiretime", "2 [fast, readonly] 1,1,1"),
            Map.entry("persist", "2 [fast, write] 1,1,1"),
            Map.entry("object", "-2 [] 0,0,0")));

    @Test
    void all_matchesRedisCommandInfo() {
        Map<String, String> ours = new TreeMap<>();
        for (CommandSpec s : KeyspaceCommands.all()) {
            TreeSet<String> flags = new TreeSet<>();
            for (Flag fl : s.flags()) {
                flags.add(fl.redisName());
            }
            ours.put(s.name(), s.arity() + " " + flags + " " + s.firstKey() + "," + s.lastKey() + "," + s.step());
            assertEquals("generic", s.group(), s.name());
        }
        assertEquals(REDIS, ours);
    }
}
