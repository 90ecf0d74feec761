package io.goredis.store.dynamo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Race;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.Updater;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two DynamoStores, each with its own SDK clients as two goredis nodes would have, on one DynamoDB
 * Local table: read-modify-writes stay atomic across nodes.
 */
class DynamoTwoNodesIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private DynamoStore nodeA;
    private DynamoStore nodeB;

    @BeforeEach
    void startNodes() {
        dynamo.truncate(dynamo.table());
        nodeA = DynamoStore.open(dynamo.settings(), Clock.systemUTC());
        nodeB = DynamoStore.open(dynamo.settings(), Clock.systemUTC());
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static final Updater<Long> INCR = cur -> {
        long next = cur.map(e -> Long.parseLong(new String(e.bytes(), UTF_8))).orElse(0L) + 1;
        return Decision.put(Long.toString(next).getBytes(UTF_8), Entry.NO_EXPIRY, next);
    };

    /** Runs {@code perNode} clients on each node, released together. */
    private void race(int perNode, Client body) throws Exception {
        Race.run(2 * perNode, i -> {
            body.run(i % 2 == 0 ? nodeA : nodeB, i);
            return null;
        });
    }

    private interface Client {
        void run(DynamoStore node, int index) throws Exception;
    }

    /** Store level, scaled down; DynamoServersIT runs the full 2 x 10 x 100 through real servers. */
    @Test
    void incr_fiveClientsPerNodeFortyEach_exactly400() throws Exception {
        race(5, (node, i) -> {
            for (int n = 0; n < 40; n++) {
                node.update(0, b("counter"), INCR);
            }
        });
        assertEquals("400", new String(nodeA.get(0, b("counter")).orElseThrow().bytes(), UTF_8));
        assertEquals(nodeA.get(0, b("counter")), nodeB.get(0, b("counter")));
    }

    @Test
    void setNx_twentyClientsOverTwoNodes_exactlyOneWinner() throws Exception {
        AtomicInteger winners = new AtomicInteger();
        race(10, (node, i) -> {
            boolean won = node.update(0, b("lock"), cur -> cur.isPresent()
                    ? Decision.keep(false)
                    : Decision.put(b("client-" + i), Entry.NO_EXPIRY, true));
            if (won) {
                winners.incrementAndGet();
            }
        });
        assertEquals(1, winners.get());
    }

    @Test
    void versions_growAcrossNodesThroughDeleteAndRecreate() {
        long v1 = nodeA.put(0, b("k"), b("1"), Entry.NO_EXPIRY);
        assertTrue(nodeB.delete(0, b("k")));
        long v2 = nodeA.put(0, b("k"), b("2"), Entry.NO_EXPIRY);
        nodeB.update(0, b("k"), cur -> Decision.put(b("3"), Entry.NO_EXPIRY, null));
        long v3 = nodeA.get(0, b("k")).orElseThrow().version();
        assertTrue(v1 < v2 && v2 < v3, v1 + " " + v2 + " " + v3);
    }
}
