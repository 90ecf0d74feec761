package io.goredis.command.list;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.Await;
import io.goredis.Fleet;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Blocking pops across a two-node fleet on one DynamoDB Local table (a DynamoDB node and a caching
 * node): a client blocked on the caching node is woken by the table's stream when the other node
 * pushes; on the DynamoDB node (no stream follower yet) it re-checks once a second. Consumers
 * blocked on both nodes get every pushed job exactly once.
 */
class BlockingListFleetIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private static Fleet fleet;
    private static Fleet.Node a;
    private static Fleet.Node b;

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = new Fleet(dynamo);
        a = fleet.start("dynamodb");
        b = fleet.start("caching");
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    private static void awaitBlocked(Jedis admin, int n) {
        Await.until(Fleet.CONVERGENCE, () -> admin.info("clients").contains("blocked_clients:" + n + "\r\n"),
                () -> "expected " + n + " blocked clients: " + admin.info("clients"));
    }

    @Test
    void blpop_onCachingNode_wokenByLpushOnTheOtherNode() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             Jedis blocked = b.jedis(); Jedis adminB = b.jedis(); Jedis pusher = a.jedis()) {
            Future<List<String>> got = pool.submit(() -> blocked.blpop(0, "fleet:q1"));
            awaitBlocked(adminB, 1);
            pusher.lpush("fleet:q1", "job");
            assertEquals(List.of("fleet:q1", "job"), got.get(15, TimeUnit.SECONDS));
            assertEquals(0, pusher.llen("fleet:q1"));
        }
    }

    @Test
    void blpop_onDynamoNode_seesAPushOnTheOtherNode_withinTheInterimRecheck() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             Jedis blocked = a.jedis(); Jedis adminA = a.jedis(); Jedis pusher = b.jedis()) {
            Future<List<String>> got = pool.submit(() -> blocked.blpop(0, "fleet:q2"));
            awaitBlocked(adminA, 1);
            pusher.rpush("fleet:q2", "job");
            assertEquals(List.of("fleet:q2", "job"), got.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void jobs_consumedByBlockedConsumersOnBothNodes_eachDeliveredExactlyOnce() throws Exception {
        int consumersPerNode = 3;
        int jobs = 60;
        List<Jedis> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             Jedis adminA = a.jedis(); Jedis adminB = b.jedis()) {
            List<Future<List<String>>> consumers = new ArrayList<>();
            for (int i = 0; i < 2 * consumersPerNode; i++) {
                Jedis c = (i % 2 == 0 ? a : b).jedis();
                clients.add(c);
                consumers.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    while (true) {
                        List<String> r = c.brpop(2, "fleet:jobs");
                        if (r == null) {
                            return mine; // 2 s with nothing: the jobs are gone
                        }
                        mine.add(r.get(1));
                    }
                }));
            }
            awaitBlocked(adminA, consumersPerNode);
            awaitBlocked(adminB, consumersPerNode);
            for (int j = 0; j < jobs; j++) {
                (j % 2 == 0 ? adminA : adminB).lpush("fleet:jobs", "job-" + j);
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : consumers) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            Set<String> distinct = new HashSet<>(all);
            assertEquals(jobs, all.size(), "delivered: " + all);
            assertEquals(jobs, distinct.size(), "duplicates in: " + all);
            assertEquals(0, adminA.llen("fleet:jobs"));
        } finally {
            clients.forEach(Jedis::close);
        }
    }
}
