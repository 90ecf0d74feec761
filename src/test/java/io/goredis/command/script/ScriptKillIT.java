package io.goredis.command.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import io.goredis.server.GoRedisServerExtension;
import io.goredis.server.RawClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long script and the other clients (in-memory store, Redis's model): they wait while it runs,
 * get -BUSY once it has run past busy-reply-threshold, and SCRIPT KILL / FUNCTION KILL stop it
 * unless it wrote. Texts as redis-server 7.0.15 answers them.
 */
class ScriptKillIT {

    @RegisterExtension
    static final GoRedisServerExtension goredis = new GoRedisServerExtension();

    static final String LOOP = "while true do end";
    static final String LOOP_SHA = Sha1.hex(LOOP.getBytes());

    @BeforeEach
    void fastThreshold() throws Exception {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+OK\r\n", c.call("CONFIG", "SET", "busy-reply-threshold", "200"));
            c.call("FUNCTION", "FLUSH");
        }
    }

    /** Runs {@code args} on its own connection in the background; the raw reply. */
    private static CompletableFuture<String> inBackground(String... args) {
        return CompletableFuture.supplyAsync(() -> {
            try (RawClient c = goredis.rawClient()) {
                return c.call(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String call(RawClient c, String... args) {
        try {
            return c.call(args);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void othersGetBusy_pastTheThreshold_andScriptKillStopsIt() throws Exception {
        CompletableFuture<String> script = inBackground("EVAL", LOOP, "0");
        try (RawClient other = goredis.rawClient()) {
            Await.until(Duration.ofSeconds(5), () -> !script.isDone() && call(other, "GET", "k").startsWith("-BUSY"),
                    () -> "the script to run");
            assertEquals("-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n",
                    other.call("GET", "k"));
            assertEquals("-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n",
                    other.call("FUNCTION", "KILL"));
            assertEquals("+OK\r\n", other.call("SCRIPT", "KILL"));
            assertEquals("-ERR Script killed by user with SCRIPT KILL... script: " + LOOP_SHA + ", on @user_script:1.\r\n",
                    script.get(5, TimeUnit.SECONDS));
            assertEquals("$-1\r\n", other.call("GET", "k"));
            assertEquals("-NOTBUSY No scripts in execution right now.\r\n", other.call("SCRIPT", "KILL"));
        }
    }

    @Test
    void aScriptThatWrote_isUnkillable_andEndsByItself() throws Exception {
        CompletableFuture<String> script = inBackground("EVAL",
                "redis.call('set', KEYS[1], 'v') local n = 0 for i = 1, 100000000 do n = n + 1 end return 7", "1", "w");
        try (RawClient other = goredis.rawClient()) {
            // BUSY means it has run past the threshold: its first statement, the write, is done
            Await.until(Duration.ofSeconds(5), () -> call(other, "GET", "w").startsWith("-BUSY"), () -> "BUSY");
            assertEquals("-UNKILLABLE Sorry the script already executed write commands against the dataset. You can "
                    + "either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE "
                    + "command.\r\n", other.call("SCRIPT", "KILL"));
            assertEquals(":7\r\n", script.get(60, TimeUnit.SECONDS));
            assertEquals("$1\r\nv\r\n", other.call("GET", "w"));
        }
    }

    @Test
    void functionKill_stopsAFunction_andStatsShowIt() throws Exception {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("$4\r\nspin\r\n", c.call("FUNCTION", "LOAD",
                    "#!lua name=spin\nredis.register_function('spin', function() while true do end end)"));
        }
        CompletableFuture<String> fn = inBackground("FCALL", "spin", "0");
        try (RawClient other = goredis.rawClient()) {
            Await.until(Duration.ofSeconds(5), () -> !call(other, "FUNCTION", "STATS").contains("running_script\r\n$-1"),
                    () -> "the function to run");
            String stats = other.call("FUNCTION", "STATS");
            assertTrue(stats.contains("$4\r\nname\r\n$4\r\nspin\r\n$7\r\ncommand\r\n*3\r\n$5\r\nFCALL\r\n$4\r\nspin\r\n$1\r\n0\r\n"),
                    stats);
            assertEquals("-BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.\r\n",
                    other.call("SCRIPT", "KILL"));
            Await.until(Duration.ofSeconds(5), () -> call(other, "PING").startsWith("-BUSY"), () -> "BUSY for others");
            assertEquals("-BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.\r\n",
                    other.call("PING"));
            assertEquals("+OK\r\n", other.call("FUNCTION", "KILL"));
            assertEquals("-ERR Script killed by user with SCRIPT KILL... script: spin, on @user_function:2.\r\n",
                    fn.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void beforeTheThreshold_othersWait_ratherThanFail() throws Exception {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+OK\r\n", c.call("CONFIG", "SET", "busy-reply-threshold", "5000"));
        }
        CompletableFuture<String> script = inBackground("EVAL",
                "local n = 0 for i = 1, 20000000 do n = n + 1 end return n", "0");
        try (RawClient other = goredis.rawClient()) {
            String r = other.call("SET", "after", "1");
            assertEquals("+OK\r\n", r);
            assertEquals(":20000000\r\n", script.get(30, TimeUnit.SECONDS));
        }
    }
}
