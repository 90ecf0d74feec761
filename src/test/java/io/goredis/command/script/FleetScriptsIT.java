package io.goredis.command.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import io.goredis.Fleet;
import io.goredis.Race;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.LibraryInfo;

/**
 * Lua scripts and function libraries across a fleet: real goredis servers ({@code --store
 * dynamodb} and {@code --store caching}) on one DynamoDB Local table, driven by Jedis. A script is
 * one atomic step across every node; scripts and libraries are stored in the table, so every node
 * (including one started later) can run them.
 */
@Timeout(120)  // seconds per test: a hung EXEC or lock loop fails instead of stalling the build
class FleetScriptsIT {

    static final String ACQUIRE = "return redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])";
    static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
    static final String GET_SET_INCR = "local v = tonumber(redis.call('get', KEYS[1]) or '0') + 1 "
            + "redis.call('set', KEYS[1], tostring(v)) return v";
    static final String NOT_FOUND = "ERR Function not found";

    static final String LIB = """
            #!lua name=fleetlib
            redis.register_function('fleet_incr', function(keys, args) return redis.call('incrby', keys[1], args[1]) end)
            redis.register_function{function_name='fleet_get', callback=function(keys) return redis.call('get', keys[1]) end,
                flags={'no-writes'}}
            """;
    static final String LIB_V2 = """
            #!lua name=fleetlib
            redis.register_function('fleet_incr', function(keys, args) return redis.call('incrby', keys[1], 2 * args[1]) end)
            """;
    static final String OTHER_LIB = """
            #!lua name=otherlib
            redis.register_function('other_echo', function(keys, args) return 'echo:' .. args[1] end)
            """;

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private Fleet fleet;

    @BeforeEach
    void emptyTable() {
        dynamo.truncate(dynamo.table());
        fleet = new Fleet(dynamo);
    }

    @AfterEach
    void stopNodes() throws Exception {
        fleet.close();
    }

    // ---------------------------------------------------------------- (a) a lock made of EVAL

    /** Pause between two failed lock attempts: a client's retry back-off, not synchronisation. */
    private static void backOff() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1 + ThreadLocalRandom.current().nextInt(5)));
    }

    /**
     * Clients on three nodes take a SET NX PX lock through EVAL, in turn; inside, each increments a
     * shared counter and must see 1 (nobody else inside), records its interval, and releases with
     * the compare-and-delete script. Intervals never overlap; every client gets the lock each time.
     */
    @Test
    void evalLock_clientsOnThreeNodes_oneHolderAtATime() throws Exception {
        List<Fleet.Node> nodes = List.of(fleet.start("dynamodb"), fleet.start("caching"), fleet.start("caching"));
        int clients = 6;
        int turns = 3;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        List<long[]> intervals = Collections.synchronizedList(new ArrayList<>());
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        List<Integer> taken = Race.run(clients, i -> nodes.get(i % nodes.size()).jedis(), (j, i) -> {
            int got = 0;
            for (int turn = 0; turn < turns; turn++) {
                String token = "client-" + i + "-" + turn;
                while (!"OK".equals(j.eval(ACQUIRE, List.of("lock"), List.of(token, "30000")))) {
                    assertTrue(System.nanoTime() < deadline, "client " + i + " never got the lock");
                    backOff();
                }
                long start = System.nanoTime();
                long inside = j.incr("inside");
                if (inside != 1) {
                    wrong.add("client " + i + " saw inside=" + inside);
                }
                long left = j.decr("inside");
                if (left != 0) {
                    wrong.add("client " + i + " left inside=" + left);
                }
                intervals.add(new long[] {start, System.nanoTime()});
                Object released = j.eval(RELEASE, List.of("lock"), List.of(token));
                if (!Long.valueOf(1).equals(released)) {
                    wrong.add("client " + i + " release answered " + released);
                }
                got++;
            }
            return got;
        });
        assertEquals(Collections.nCopies(clients, turns), taken);
        assertEquals(List.of(), wrong);
        List<long[]> sorted = new ArrayList<>(intervals);
        sorted.sort((x, y) -> Long.compare(x[0], y[0]));
        for (int k = 1; k < sorted.size(); k++) {
            assertTrue(sorted.get(k)[0] > sorted.get(k - 1)[1], "two holders at once: intervals " + k + " and " + (k - 1));
        }
        try (Jedis j = nodes.get(0).jedis()) {
            assertNull(j.get("lock"));
            assertEquals("0", j.get("inside"));
        }
    }

    @Test
    void evalLock_heldOnOneNode_refusedOnTheOther_wrongTokenKeepsIt_leaseExpiryFreesIt() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("caching");
        try (Jedis ja = a.jedis(); Jedis jb = b.jedis()) {
            // B (caching) has not seen A's write yet, or has: either way the lock is taken
            assertEquals("OK", ja.eval(ACQUIRE, List.of("lock"), List.of("a-token", "30000")));
            assertNull(jb.eval(ACQUIRE, List.of("lock"), List.of("b-token", "30000")));
            assertEquals(0L, jb.eval(RELEASE, List.of("lock"), List.of("b-token")));
            assertEquals("a-token", ja.get("lock"));
            assertEquals(1L, ja.eval(RELEASE, List.of("lock"), List.of("a-token")));
            // B may still have A's token cached for a stream lag (see staleCache_* below)
            Await.until(Fleet.CONVERGENCE, () -> "OK".equals(jb.eval(ACQUIRE, List.of("lock"), List.of("b-token", "30000"))),
                    () -> "B never got the released lock");
            assertNull(ja.eval(ACQUIRE, List.of("lock"), List.of("a-token", "30000")));
            assertEquals(1L, jb.eval(RELEASE, List.of("lock"), List.of("b-token")));

            // A "crashes" holding a short lease: B gets the lock once the lease ends
            assertEquals("OK", ja.eval(ACQUIRE, List.of("lease"), List.of("a-token", "300")));
            Await.until(Duration.ofSeconds(10), () -> "OK".equals(jb.eval(ACQUIRE, List.of("lease"), List.of("b-token", "30000"))),
                    () -> "the lease never expired");
            assertEquals(0L, ja.eval(RELEASE, List.of("lease"), List.of("a-token")));
            assertEquals(1L, ja.eval(RELEASE, List.of("lease"), List.of("b-token")));
            assertNull(ja.get("lease"));
        }
    }

    /**
     * Node B (caching) has the lock key cached; A deletes it; B's plain {@code SET NX} right after is
     * a conditional write on the table and wins, as on Redis.
     */
    @Test
    void plainSetNx_onCachingNode_rightAfterDeleteOnAnotherNode_wins() throws Exception {
        assertEquals(List.of(), setNxAfterRemoteDelete((jb, key) -> jb.set(key, "b", SetParams.setParams().nx().px(30000))));
    }

    /**
     * The same through EVAL: Redis answers OK (the DEL was acknowledged before the script began),
     * and the plain command above wins too. On the caching store the script reads the node's stale
     * cached copy, sees the key, and a script with one read is never validated, so it answers nil.
     */
    @Test
    void evalSetNx_onCachingNode_rightAfterDeleteOnAnotherNode_wins() throws Exception {
        assertEquals(List.of(), setNxAfterRemoteDelete((jb, key) -> (String) jb.eval(ACQUIRE, List.of(key), List.of("b", "30000"))));
    }

    private interface SetNx {
        String run(Jedis j, String key);
    }

    /** Rounds in which B's SET NX, right after A's acknowledged DEL of a key B had cached, did not answer OK. */
    private List<String> setNxAfterRemoteDelete(SetNx setNx) throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("caching");
        List<String> lost = new ArrayList<>();
        try (Jedis ja = a.jedis(); Jedis jb = b.jedis()) {
            for (int round = 0; round < 5; round++) {
                String key = "held" + round;
                ja.set(key, "a");
                Await.until(Fleet.CONVERGENCE, () -> "a".equals(jb.get(key)), () -> "B never cached " + key);
                assertEquals(1L, ja.del(key));
                String r = setNx.run(jb, key);
                if (!"OK".equals(r)) {
                    lost.add("round " + round + ": " + r);
                }
            }
        }
        return lost;
    }

    /** A read-modify-write script is atomic across nodes: every result distinct, the total exact. */
    @Test
    void getSetScript_fromClientsOnEveryNode_isAtomic() throws Exception {
        List<Fleet.Node> nodes = List.of(fleet.start("dynamodb"), fleet.start("caching"));
        int clients = 6;
        int rounds = 10;
        List<List<Long>> seen = Race.run(clients, i -> nodes.get(i % nodes.size()).jedis(), (j, i) -> {
            List<Long> mine = new ArrayList<>();
            for (int n = 0; n < rounds; n++) {
                mine.add((Long) j.eval(GET_SET_INCR, List.of("n"), List.of()));
            }
            return mine;
        });
        HashSet<Long> all = new HashSet<>();
        seen.forEach(all::addAll);
        assertEquals(clients * rounds, all.size(), "two scripts returned the same value");
        try (Jedis j = nodes.get(0).jedis()) {
            assertEquals(Integer.toString(clients * rounds), j.get("n"));
        }
    }

    @Test
    void scriptOverHundredKeys_refused_nothingWritten() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("caching");
        String setAll = "for i, k in ipairs(KEYS) do redis.call('set', k, 'v') end return #KEYS";
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "h" + i).toList();
        List<String> more = IntStream.range(0, 101).mapToObj(i -> "m" + i).toList();
        try (Jedis ja = a.jedis(); Jedis jb = b.jedis()) {
            assertEquals(100L, ja.eval(setAll, hundred, List.of()));
            assertEquals(100L, jb.exists(hundred.toArray(String[]::new)));
            for (Jedis j : List.of(ja, jb)) {
                JedisDataException e = assertThrows(JedisDataException.class, () -> j.eval(setAll, more, List.of()));
                assertTrue(e.getMessage().contains("more than 100 keys"), e.getMessage());
                assertEquals(0L, ja.exists(more.toArray(String[]::new)));
            }
        }
    }

    /** As in Redis, a script that fails after writing keeps its writes (no rollback), on every node. */
    @Test
    void scriptErrorAfterAWrite_keepsTheWrite_visibleOnAnotherNode() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("caching");
        try (Jedis ja = a.jedis(); Jedis jb = b.jedis()) {
            ja.set("text", "not a number");
            for (Jedis j : List.of(jb, ja)) {
                String key = j == ja ? "wa" : "wb";
                JedisDataException e = assertThrows(JedisDataException.class, () -> j.eval(
                        "redis.call('set', KEYS[1], 'x') return redis.call('incr', KEYS[2])", List.of(key, "text"), List.of()));
                assertTrue(e.getMessage().startsWith("ERR value is not an integer or out of range script: "), e.getMessage());
                assertEquals("x", ja.get(key));
                e = assertThrows(JedisDataException.class, () -> j.eval("redis.call('set', KEYS[1], 'y') error('boom')",
                        List.of(key), List.of()));
                assertTrue(e.getMessage().startsWith("ERR user_script:1: boom script: "), e.getMessage());
                assertEquals("y", ja.get(key));
            }
        }
    }

    // ---------------------------------------------------------------- (b) the script cache

    @Test
    void scriptLoadOnA_evalshaOnB_flushOnA_freshNodeAnswersNoscript() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("caching");
        String body = "return 'hello ' .. ARGV[1]";
        try (Jedis ja = a.jedis(); Jedis jb = b.jedis()) {
            String sha = ja.scriptLoad(body);
            assertEquals(Sha1.hex(body.getBytes()), sha);
            assertEquals(true, jb.scriptExists(sha));
            assertEquals("hello b", jb.evalsha(sha, List.of(), List.of("b")));
            assertEquals("hello B", jb.evalsha(sha.toUpperCase(), List.of(), List.of("B")));

            // EVAL stores the script too
            String evaled = "return tonumber(ARGV[1]) * 2";
            assertEquals(42L, ja.eval(evaled, List.of(), List.of("21")));
            assertEquals(8L, jb.evalsha(Sha1.hex(evaled.getBytes()), List.of(), List.of("4")));

            assertEquals("OK", ja.scriptFlush());
            assertEquals(false, ja.scriptExists(sha));
            Fleet.Node c = fleet.start("dynamodb");
            try (Jedis jc = c.jedis()) {
                JedisNoScriptException e = assertThrows(JedisNoScriptException.class, () -> jc.evalsha(sha, List.of(), List.of("c")));
                assertEquals("NOSCRIPT No matching script. Please use EVAL.", e.getMessage());
                assertEquals(List.of(false, false), jc.scriptExists(sha, Sha1.hex(evaled.getBytes())));
            }
        }
    }

    /**
     * After SCRIPT FLUSH on A, node B (which had run the script) loads it again: SCRIPT LOAD's
     * answer promises every node can EVALSHA it, so a node started afterwards must run it.
     */
    @Test
    void scriptFlushOnA_reloadOnB_freshNodeCanEvalsha() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("dynamodb");
        String body = "return 'again'";
        try (Jedis ja = a.jedis(); Jedis jb = b.jedis()) {
            String sha = ja.scriptLoad(body);
            assertEquals("again", jb.evalsha(sha));
            ja.scriptFlush();
            assertEquals(sha, jb.scriptLoad(body));
            try (Jedis jc = fleet.start("dynamodb").jedis()) {
                assertEquals("again", jc.evalsha(sha));
            }
            ja.scriptFlush();
            // B still runs the script it compiled; an EVAL does not write it again (README:
            // Scripting), SCRIPT LOAD does, so the fleet can EVALSHA it once more.
            assertEquals("again", jb.eval(body));
            assertEquals(sha, jb.scriptLoad(body));
            try (Jedis jd = fleet.start("caching").jedis()) {
                assertEquals("again", jd.evalsha(sha));
            }
        }
    }

    // ---------------------------------------------------------------- (c) function libraries

    @Test
    void functionLoadOnA_fcallOnB_deleteOnA_notFoundOnBSoon() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        Fleet.Node b = fleet.start("caching");
        Fleet.Node c = fleet.start("dynamodb");
        try (Jedis ja = a.jedis(); Jedis jb = b.jedis(); Jedis jc = c.jedis()) {
            assertEquals("fleetlib", ja.functionLoad(LIB));
            assertEquals(5L, jb.fcall("fleet_incr", List.of("k"), List.of("5")));
            assertEquals("5", jc.fcallReadonly("fleet_get", List.of("k"), List.of()));

            // a library new to B is callable there at once, even right after B checked its set
            assertEquals("otherlib", ja.functionLoad(OTHER_LIB));
            assertEquals("echo:x", jb.fcall("other_echo", List.of(), List.of("x")));

            // a replaced one within a few seconds (README: 1 s)
            assertEquals("fleetlib", ja.functionLoadReplace(LIB_V2));
            assertEquals(7L, ja.fcall("fleet_incr", List.of("k"), List.of("1")));
            AtomicInteger probe = new AtomicInteger();
            Await.until(Duration.ofSeconds(5),
                    () -> jb.fcall("fleet_incr", List.of("z" + probe.incrementAndGet()), List.of("1")).equals(2L),
                    () -> "B still runs the old fleet_incr");

            assertEquals("OK", ja.functionDelete("fleetlib"));
            JedisDataException here = assertThrows(JedisDataException.class, () -> ja.fcall("fleet_incr", List.of("k"), List.of("1")));
            assertEquals(NOT_FOUND, here.getMessage());
            Await.until(Duration.ofSeconds(5), () -> notFound(jb, "fleet_incr"), () -> "B still runs the deleted library");
            Await.until(Duration.ofSeconds(5), () -> notFound(jc, "fleet_incr"), () -> "C still runs the deleted library");
            assertEquals("echo:y", jc.fcall("other_echo", List.of(), List.of("y")));

            assertEquals("OK", jb.functionFlush());
            Await.until(Duration.ofSeconds(5), () -> notFound(ja, "other_echo"), () -> "A still runs a flushed library");
        }
    }

    private static boolean notFound(Jedis j, String function) {
        try {
            j.fcall(function, List.of("probe"), List.of("1"));
            return false;
        } catch (JedisDataException e) {
            assertEquals(NOT_FOUND, e.getMessage());
            return true;
        }
    }

    @Test
    void functionLibrary_survivesTheNodesThatLoadedIt() throws Exception {
        Fleet.Node a = fleet.start("dynamodb");
        try (Jedis ja = a.jedis()) {
            assertEquals("fleetlib", ja.functionLoad(LIB));
        }
        a.close();
        Fleet.Node later = fleet.start("caching");
        try (Jedis j = later.jedis()) {
            assertEquals(3L, j.fcall("fleet_incr", List.of("d"), List.of("3")));
            List<LibraryInfo> libs = j.functionList();
            assertEquals(1, libs.size());
            assertEquals("fleetlib", libs.get(0).getLibraryName());
            assertEquals(2, libs.get(0).getFunctions().size());
            JedisDataException dup = assertThrows(JedisDataException.class, () -> j.functionLoad(LIB));
            assertEquals("ERR Library 'fleetlib' already exists", dup.getMessage());
        }
        Fleet.Node another = fleet.start("dynamodb");
        try (Jedis j = another.jedis()) {
            assertEquals("3", j.fcallReadonly("fleet_get", List.of("d"), List.of()));
        }
    }
}
