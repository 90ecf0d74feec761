package io.goredis.store.cache;

import io.goredis.Await;
import io.goredis.store.dynamo.DynamoStore;
import io.goredis.store.dynamo.ItemCodec;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Builds caching "nodes" on one DynamoDB Local table for tests: each its own poller and cache. */
final class CacheNodes {

    /** Poll interval in tests: short, so propagation tests finish quickly. */
    static final Duration POLL = Duration.ofMillis(10);

    private CacheNodes() {}

    /**
     * A caching store over {@code table}; the poller judges lag by the wall clock, the store judges
     * expiry by {@code clock}. Returns once the poller follows the stream (the cache is caching).
     */
    static CachingStore node(DynamoDbClient client, DynamoDbStreamsClient streams, String table, Clock clock, long maxBytes) {
        StreamPoller poller = new StreamPoller(streams, new TableStreamLocator(client, table),
                new ItemCodecDecoder(new ItemCodec()), POLL, Duration.ofSeconds(30), Clock.systemUTC(), null);
        CachingStore store = new CachingStore(new DynamoStore(client, table, clock), poller, maxBytes, clock);
        awaitContinuous(store);
        return store;
    }

    static void awaitContinuous(CachingStore store) {
        Await.until(Duration.ofSeconds(20), () -> store.cache().continuous(),
                () -> "the poller did not start following the stream");
    }
}
