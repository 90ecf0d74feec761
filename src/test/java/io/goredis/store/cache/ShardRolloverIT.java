package io.goredis.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.goredis.Await;
import io.goredis.store.Entry;
import io.goredis.store.dynamo.TableSetup;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

/**
 * A shard rollover on DynamoDB Local's embedded API (no HTTP): the open shard is closed and a child
 * shard opened, as real streams do every few hours. A node caching a key must keep receiving the
 * writes that land in the child shard, after the parent's.
 */
class ShardRolloverIT {

    private static final String TABLE = "rollover";

    private AmazonDynamoDBLocal local;
    private DynamoDbClient client;
    private CachingStore writer;
    private CachingStore reader;

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create(true); // true: telemetry off (otherwise start-up tries the internet and stalls)
        client = local.dynamoDbClient();
        new TableSetup(client, TABLE, Clock.systemUTC(), Duration.ofSeconds(30)).ensure(true);
        writer = CacheNodes.node(client, local.dynamoDbStreamsClient(), TABLE, Clock.systemUTC(), 1 << 20);
        reader = CacheNodes.node(client, local.dynamoDbStreamsClient(), TABLE, Clock.systemUTC(), 1 << 20);
    }

    @AfterEach
    void stop() {
        writer.close();
        reader.close();
        local.shutdownNow();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<String> read(CachingStore node) {
        return node.get(0, b("k")).map(e -> new String(e.bytes(), StandardCharsets.UTF_8));
    }

    private static void awaitRead(CachingStore node, String expected) {
        Await.until(Duration.ofSeconds(20), () -> read(node).equals(Optional.of(expected)),
                () -> "never read " + expected + ", last " + read(node));
    }

    private int shardCount() {
        String arn = client.describeTable(DescribeTableRequest.builder().tableName(TABLE).build()).table().latestStreamArn();
        return local.dynamoDbStreamsClient().describeStream(DescribeStreamRequest.builder().streamArn(arn).build())
                .streamDescription().shards().size();
    }

    @Test
    void rollover_childShardFollowedAfterParent() throws Exception {
        writer.put(0, b("k"), b("before"), Entry.NO_EXPIRY);
        awaitRead(reader, "before");
        // until a read is a hit (a fill racing its own write's event is not installed)
        long hits = reader.cache().hits();
        while (reader.cache().hits() == hits) {
            assertEquals(Optional.of("before"), read(reader));
        }
        long missesBefore = reader.cache().misses();
        int shardsBefore = shardCount();
        local.triggerShardRollovers();
        assertTrue(shardCount() > shardsBefore, "the rollover opened a child shard");

        for (int i = 0; i < 5; i++) {
            writer.put(0, b("k"), b("after" + i), Entry.NO_EXPIRY);
        }
        awaitRead(reader, "after4");
        assertEquals(missesBefore, reader.cache().misses(), "the new values came through the child shard");
        assertEquals(0, reader.cache().continuityResets());
    }
}
