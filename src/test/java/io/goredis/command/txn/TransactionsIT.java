package io.goredis.command.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Race;
import io.goredis.server.GoRedisServerExtension;
import io.goredis.server.RawClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

/** MULTI / EXEC / WATCH through real clients over a real goredis socket (in-memory store). */
class TransactionsIT {

    @RegisterExtension
    static final GoRedisServerExtension goredis = new GoRedisServerExtension();

    private Jedis jedis;

    @BeforeEach
    void connect() {
        jedis = new Jedis("127.0.0.1", goredis.port());
        jedis.flushAll();
    }

    @AfterEach
    void disconnect() {
        jedis.close();
    }

    @Test
    void jedis_multiExec_repliesInOrder_runTimeErrorInPlace() {
        jedis.set("s", "text");
        Transaction t = jedis.multi();
        t.set("a", "1");
        t.incr("a");
        t.incr("s");
        t.get("a");
        List<Object> r = t.exec();
        assertEquals("OK", r.get(0));
        assertEquals(2L, r.get(1));
        assertInstanceOf(JedisDataException.class, r.get(2));
        assertEquals("2", r.get(3));
    }

    @Test
    void jedis_watchedKeyWrittenByAnotherClient_execIsNull() {
        try (Jedis other = new Jedis("127.0.0.1", goredis.port())) {
            jedis.set("w", "1");
            jedis.watch("w");
            other.set("w", "2");
            Transaction t = jedis.multi();
            t.set("w", "mine");
            assertNull(t.exec());
            assertEquals("2", jedis.get("w"));
        }
    }

    @Test
    void lettuce_resp3_transactionAndDiscardedWatch() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + goredis.port());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> cmd = c.sync();
            cmd.watch("k");
            cmd.set("k", "by me");  // the watcher's own write before MULTI counts too
            cmd.multi();
            cmd.incr("n");
            cmd.get("k");
            TransactionResult r = cmd.exec();
            assertTrue(r.wasDiscarded());
            cmd.multi();
            cmd.incr("n");
            cmd.get("k");
            r = cmd.exec();
            assertEquals(1L, (Long) r.get(0));
            assertEquals("by me", r.get(1));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void clientList_showsQueuedCommands() throws Exception {
        try (RawClient c = goredis.rawClient(); RawClient watcher = goredis.rawClient()) {
            assertEquals("+OK\r\n", c.call("MULTI"));
            assertEquals("+QUEUED\r\n", c.call("SET", "a", "b"));
            String list = watcher.call("CLIENT", "LIST");
            assertTrue(list.contains("flags=x db=0 sub=0 psub=0 ssub=0 multi=1 "), list);
            assertEquals("*1\r\n+OK\r\n", c.call("EXEC"));
            assertTrue(watcher.call("CLIENT", "LIST").contains("flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 "));
        }
    }

    /** Redis's model on the in-memory store: nothing another client does lands inside an EXEC. */
    @Test
    void concurrentTransactions_neverInterleave() throws Exception {
        int clients = 8;
        int rounds = 200;
        List<Integer> torn = Race.run(clients, i -> new Jedis("127.0.0.1", goredis.port()), (j, i) -> {
            int bad = 0;
            for (int n = 0; n < rounds; n++) {
                Transaction t = j.multi();
                t.incr("c");
                t.incr("c");
                t.get("c");
                List<Object> r = t.exec();
                long first = (Long) r.get(0);
                if ((Long) r.get(1) != first + 1 || Long.parseLong((String) r.get(2)) != first + 1) {
                    bad++;
                }
            }
            return bad;
        });
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0), torn);
        assertEquals(Long.toString(2L * clients * rounds), jedis.get("c"));
    }

    /** The classic WATCH / GET / MULTI / SET / EXEC optimistic increment: retried until it commits, exact. */
    @Test
    void watchIncrementLoops_endExact() throws Exception {
        int clients = 8;
        int rounds = 100;
        Race.run(clients, i -> new Jedis("127.0.0.1", goredis.port()), (j, i) -> {
            for (int n = 0; n < rounds; n++) {
                while (true) {
                    j.watch("counter");
                    String v = j.get("counter");
                    Transaction t = j.multi();
                    t.set("counter", Long.toString((v == null ? 0 : Long.parseLong(v)) + 1));
                    if (t.exec() != null) {
                        break;
                    }
                }
            }
            return null;
        });
        assertEquals(Long.toString((long) clients * rounds), jedis.get("counter"));
    }
}
