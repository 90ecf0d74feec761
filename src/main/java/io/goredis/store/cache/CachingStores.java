package io.goredis.store.cache;

import io.goredis.store.dynamo.DynamoClients;
import io.goredis.store.dynamo.DynamoSettings;
import io.goredis.store.dynamo.DynamoStore;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Builds {@code --store caching}: the DynamoDB store (which makes sure the table exists), a stream
 * poller on the table's stream with its own clients, and the caching store over both. Closing the
 * returned store stops the poller and closes its clients, then closes the DynamoDB store.
 */
public final class CachingStores {

    private CachingStores() {}

    public static CachingStore open(DynamoSettings dynamo, CacheSettings cache, Clock clock) {
        DynamoStore table = DynamoStore.open(dynamo, clock);
        SdkHttpClient http = null;
        DynamoDbClient describe = null;
        DynamoDbStreamsClient streams = null;
        try {
            http = DynamoClients.httpClient(dynamo);
            describe = DynamoClients.dynamoDb(dynamo, http);
            streams = DynamoClients.streams(dynamo, http);
            DynamoDbClient describeClient = describe;
            SdkHttpClient httpClient = http;
            StreamPoller poller = new StreamPoller(streams, new TableStreamLocator(describe, dynamo.table()),
                    new ItemCodecDecoder(table.codec()), cache.pollInterval(), cache.maxLag(), clock,
                    () -> {
                        describeClient.close();
                        httpClient.close();
                    });
            return new CachingStore(table, poller, cache.maxBytes(), clock);
        } catch (RuntimeException e) {
            if (streams != null) {
                streams.close();
            }
            if (describe != null) {
                describe.close();
            }
            if (http != null) {
                http.close();
            }
            table.close();
            throw e;
        }
    }
}
