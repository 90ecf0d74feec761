package io.goredis.command.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.Await;
import io.goredis.Fleet;
import io.goredis.Race;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Hashes and sets across a fleet: three real goredis servers on one DynamoDB Local table (two
 * {@code --store dynamodb}, one {@code --store caching}), many Jedis clients spread over them.
 * A field or member operation is one atomic step on the shared table, whichever node runs it.
 */
@Timeout(180)
class FleetTypedValuesIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private Fleet fleet;
    private List<Fleet.Node> nodes;

    @BeforeEach
    void startFleet() throws Exception {
        dynamo.truncate(dynamo.table());
        fleet = new Fleet(dynamo);
        nodes = List.of(fleet.start("dynamodb"), fleet.start("dynamodb"), fleet.start("caching"));
    }

    @AfterEach
    void stopFleet() {
        fleet.close();
    }

    /** 12 clients over three nodes HINCRBY two fields of one hash: both totals exact on every node. */
    @Test
    void hincrby_manyClientsThreeNodes_exact() throws Exception {
        int clients = 12;
        int rounds = 40;
        Race.run(clients, i -> nodes.get(i % nodes.size()).jedis(), (Jedis j, int i) -> {
            for (int n = 0; n < rounds; n++) {
                j.hincrBy("stats", "hits", 1);
                j.hincrBy("stats", "client:" + i, 2);
            }
            return null;
        });
        String total = Long.toString((long) clients * rounds);
        for (Fleet.Node n : nodes) {
            try (Jedis j = n.jedis()) {
                Await.until(Fleet.CONVERGENCE, () -> total.equals(j.hget("stats", "hits")),
                        () -> n + " reads hits=" + j.hget("stats", "hits") + ", expected " + total);
                assertEquals(clients + 1L, j.hlen("stats"), n.toString());
                assertEquals(Long.toString(2L * rounds), j.hget("stats", "client:0"));
            }
        }
    }

    /** 12 clients over three nodes SPOP one set of 300 members: each member to exactly one client. */
    @Test
    void spop_manyClientsThreeNodes_eachMemberOnce() throws Exception {
        int members = 300;
        try (Jedis j = nodes.get(0).jedis()) {
            List<String> all = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                all.add("job:" + m);
            }
            j.sadd("jobs", all.toArray(String[]::new));
        }
        Set<String> handed = ConcurrentHashMap.newKeySet();
        List<String> twice = Collections.synchronizedList(new ArrayList<>());
        Race.run(12, i -> nodes.get(i % nodes.size()).jedis(), (Jedis j, int i) -> {
            while (true) {
                String m = j.spop("jobs");   // an update: read from the table even on the caching node
                if (m == null) {
                    return null;
                }
                if (!handed.add(m)) {
                    twice.add(m);
                }
            }
        });
        assertEquals(List.of(), twice);
        assertEquals(members, handed.size());
    }
}
