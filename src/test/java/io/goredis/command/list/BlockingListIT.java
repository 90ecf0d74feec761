package io.goredis.command.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import io.goredis.server.GoRedisServerExtension;
import io.goredis.server.RawClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * BLPOP, BRPOP, BLMOVE, BRPOPLPUSH and BLMPOP over real sockets on the memory store: woken by
 * another client's push, served in the order they blocked, the timeout replies in RESP2 and RESP3,
 * no blocking inside MULTI, CLIENT UNBLOCK, CLIENT LIST / INFO while blocked, and a client that
 * disconnects while blocked leaving the line.
 */
class BlockingListIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final GoRedisServerExtension goredis = new GoRedisServerExtension();

    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private Jedis jedis() {
        return new Jedis("127.0.0.1", goredis.port(), 20_000);
    }

    private void awaitBlocked(Jedis admin, int n) {
        Await.until(WAIT, () -> admin.info("clients").contains("blocked_clients:" + n + "\r\n"),
                () -> "expected " + n + " blocked clients: " + admin.info("clients"));
    }

    @Test
    void blpop_wokenByLpushFromAnotherClient() throws Exception {
        try (Jedis blocked = jedis(); Jedis other = jedis()) {
            Future<List<String>> got = pool.submit(() -> blocked.blpop(0, "q"));
            awaitBlocked(other, 1);
            assertTrue(other.clientList().contains("flags=b"), other.clientList());
            other.lpush("q", "job");
            assertEquals(List.of("q", "job"), got.get(5, TimeUnit.SECONDS));
            awaitBlocked(other, 0);
            assertEquals(0, other.llen("q"));
        }
    }

    @Test
    void brpop_presentList_answersAtOnce_fromTheFirstNonEmptyKey() {
        try (Jedis j = jedis()) {
            j.rpush("b", "1", "2");
            assertEquals(List.of("b", "2"), j.brpop(1, "a", "b"));
        }
    }

    @Test
    void blpop_twoBlockedClients_servedInTheOrderTheyBlocked() throws Exception {
        try (Jedis first = jedis(); Jedis second = jedis(); Jedis other = jedis()) {
            Future<List<String>> a = pool.submit(() -> first.blpop(0, "q"));
            awaitBlocked(other, 1);
            Future<List<String>> b = pool.submit(() -> second.blpop(0, "q"));
            awaitBlocked(other, 2);
            other.rpush("q", "one");
            assertEquals(List.of("q", "one"), a.get(5, TimeUnit.SECONDS));
            awaitBlocked(other, 1);
            assertTrue(!b.isDone());
            other.rpush("q", "two");
            assertEquals(List.of("q", "two"), b.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void blpop_twoElementsInOnePush_bothBlockedClientsServed() throws Exception {
        try (Jedis first = jedis(); Jedis second = jedis(); Jedis other = jedis()) {
            Future<List<String>> a = pool.submit(() -> first.blpop(0, "q"));
            awaitBlocked(other, 1);
            Future<List<String>> b = pool.submit(() -> second.blpop(0, "q"));
            awaitBlocked(other, 2);
            other.rpush("q", "one", "two");
            assertEquals(List.of("q", "one"), a.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("q", "two"), b.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void blpop_timeout_nullArrayInResp2_nullInResp3() throws Exception {
        try (RawClient c = new RawClient(goredis.port())) {
            assertEquals("*-1\r\n", c.call("BLPOP", "none", "0.05"));
            assertEquals("*-1\r\n", c.call("BLMOVE", "none", "dst", "LEFT", "RIGHT", "0.05"));
            assertEquals("*-1\r\n", c.call("BLMPOP", "0.05", "1", "none", "LEFT"));
            c.call("HELLO", "3");
            assertEquals("_\r\n", c.call("BRPOP", "none", "0.05"));
            assertEquals("_\r\n", c.call("BRPOPLPUSH", "none", "dst", "0.05"));
        }
    }

    @Test
    void blpop_badTimeout_redisErrors() throws Exception {
        try (RawClient c = new RawClient(goredis.port())) {
            assertEquals("-ERR timeout is negative\r\n", c.call("BLPOP", "a", "-1"));
            assertEquals("-ERR timeout is not a float or out of range\r\n", c.call("BLPOP", "a", "x"));
            assertEquals("-ERR timeout is negative\r\n", c.call("BLPOP", "a", "1e400"));
            assertEquals("-ERR timeout is negative\r\n", c.call("BLPOP", "a", "inf"));
            assertEquals("-ERR timeout is not a float or out of range\r\n", c.call("BLPOP", "a", "NaN"));
            assertEquals("-ERR wrong number of arguments for 'blpop' command\r\n", c.call("BLPOP", "a"));
        }
    }

    @Test
    void blmove_wokenByPush_movesTheElement() throws Exception {
        try (Jedis blocked = jedis(); Jedis other = jedis()) {
            Future<String> got = pool.submit(() -> blocked.blmove("src", "dst", ListDirection.LEFT, ListDirection.RIGHT, 0));
            awaitBlocked(other, 1);
            other.rpush("src", "x");
            assertEquals("x", got.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("x"), other.lrange("dst", 0, -1));
            assertEquals(0, other.llen("src"));
        }
    }

    @Test
    void blmpop_wokenByPushToItsSecondKey() throws Exception {
        try (Jedis blocked = jedis(); Jedis other = jedis()) {
            Future<Object> got = pool.submit(() -> blocked.sendBlockingCommand(
                    redis.clients.jedis.Protocol.Command.BLMPOP, "0", "2", "a", "b", "RIGHT", "COUNT", "5"));
            awaitBlocked(other, 1);
            other.rpush("b", "1", "2");
            Object reply = got.get(5, TimeUnit.SECONDS);
            assertEquals("[b, [2, 1]]", render(reply));
        }
    }

    private static String render(Object o) {
        if (o instanceof byte[] b) {
            return new String(b);
        }
        if (o instanceof List<?> l) {
            return l.stream().map(BlockingListIT::render).toList().toString();
        }
        return String.valueOf(o);
    }

    @Test
    void multi_blockingCommandsDoNotBlock() throws Exception {
        try (RawClient c = new RawClient(goredis.port())) {
            c.call("MULTI");
            c.call("BLPOP", "none", "0");
            c.call("BLMOVE", "none", "dst", "LEFT", "LEFT", "0");
            c.call("RPUSH", "l", "v");
            c.call("BRPOP", "l", "0");
            assertEquals("*4\r\n*-1\r\n$-1\r\n:1\r\n*2\r\n$1\r\nl\r\n$1\r\nv\r\n", c.call("EXEC"));
        }
    }

    @Test
    void exec_pushToTheKey_wakesTheBlockedClient() throws Exception {
        try (Jedis blocked = jedis(); Jedis other = jedis()) {
            Future<List<String>> got = pool.submit(() -> blocked.blpop(0, "q"));
            awaitBlocked(other, 1);
            var tx = other.multi();
            tx.rpush("q", "a");
            tx.exec();
            assertEquals(List.of("q", "a"), got.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void blockedClient_leavesTheGate_execAndScriptsRunMeanwhile() throws Exception {
        try (Jedis blocked = jedis(); Jedis other = jedis()) {
            Future<List<String>> got = pool.submit(() -> blocked.blpop(0, "q"));
            awaitBlocked(other, 1);
            var tx = other.multi();
            tx.set("k", "v");
            assertEquals(List.of("OK"), pool.submit(tx::exec).get(5, TimeUnit.SECONDS));
            assertEquals(1L, other.eval("return redis.call('rpush', KEYS[1], 'e')", 1, "q"));
            assertEquals(List.of("q", "e"), got.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void clientUnblock_timeoutAndError() throws Exception {
        try (Jedis blocked = jedis(); Jedis other = jedis()) {
            long id = blocked.clientId();
            Future<List<String>> got = pool.submit(() -> blocked.blpop(0, "q"));
            awaitBlocked(other, 1);
            assertEquals(1, other.clientUnblock(id));
            assertNull(got.get(5, TimeUnit.SECONDS));
            assertEquals(0, other.clientUnblock(id));

            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
                try {
                    blocked.blpop(0, "q");
                    return "no error";
                } catch (JedisDataException e) {
                    return e.getMessage();
                }
            }, pool);
            awaitBlocked(other, 1);
            assertEquals(1, other.clientUnblock(id, redis.clients.jedis.args.UnblockType.ERROR));
            assertEquals("UNBLOCKED client unblocked via CLIENT UNBLOCK", err.get(5, TimeUnit.SECONDS));
        }
        try (RawClient c = new RawClient(goredis.port())) {
            assertEquals("-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n", c.call("CLIENT", "UNBLOCK", "1", "x"));
            assertEquals("-ERR value is not an integer or out of range\r\n", c.call("CLIENT", "UNBLOCK", "x"));
        }
    }

    @Test
    void disconnectWhileBlocked_leavesTheLine_elementStays() throws Exception {
        try (Jedis other = jedis()) {
            RawClient c = new RawClient(goredis.port());
            c.command("BLPOP", "q", "0");
            awaitBlocked(other, 1);
            c.close();
            awaitBlocked(other, 0);
            other.rpush("q", "kept");
            assertEquals(1, other.llen("q"));
        }
    }

    @Test
    void clientKill_whileBlocked_endsTheWait() throws Exception {
        try (Jedis blocked = jedis(); Jedis other = jedis()) {
            long id = blocked.clientId();
            pool.submit(() -> blocked.blpop(0, "q"));
            awaitBlocked(other, 1);
            other.clientKill(new redis.clients.jedis.params.ClientKillParams().id(Long.toString(id)));
            awaitBlocked(other, 0);
        }
    }

    @Test
    void commandInfo_asRedis() throws Exception {
        try (RawClient c = new RawClient(goredis.port())) {
            String info = c.call("COMMAND", "INFO", "blpop", "blmove", "blmpop");
            assertTrue(info.contains("blpop\r\n:-3\r\n*3\r\n+write\r\n+noscript\r\n+blocking\r\n:1\r\n:-2\r\n:1\r\n"), info);
            assertTrue(info.contains("blmove\r\n:6\r\n*4\r\n+write\r\n+denyoom\r\n+noscript\r\n+blocking\r\n:1\r\n:2\r\n:1\r\n"), info);
            assertTrue(info.contains("blmpop\r\n:-5\r\n*3\r\n+write\r\n+blocking\r\n+movablekeys\r\n:0\r\n:0\r\n:0\r\n"), info);
        }
    }
}
