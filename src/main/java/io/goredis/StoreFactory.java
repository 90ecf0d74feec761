package io.goredis;

import io.goredis.config.Config;
import io.goredis.store.Store;
import io.goredis.store.cache.CacheSettings;
import io.goredis.store.cache.CachingStores;
import io.goredis.store.dynamo.DynamoSettings;
import io.goredis.store.dynamo.DynamoStore;
import io.goredis.store.memory.InMemoryStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the {@link Store} that {@code --store} names. One case per backend: a new backend adds its
 * name to {@link Config#STORES} and a case here.
 */
public final class StoreFactory {

    private StoreFactory() {}

    /** A ready store for {@code config.store()}; the caller closes it. */
    public static Store create(Config config, Clock clock) {
        return switch (config.store()) {
            case "memory" -> new InMemoryStore(clock);
            case "dynamodb" -> DynamoStore.open(dynamoSettings(config), clock);
            case "caching" -> CachingStores.open(dynamoSettings(config), cacheSettings(config), clock);
            default -> throw new IllegalArgumentException("no factory for store '" + config.store() + "'");
        };
    }

    /** The caching store's settings of {@code config}. */
    public static CacheSettings cacheSettings(Config config) {
        return CacheSettings.defaults().withMaxBytes(config.cacheMaxMemory())
                .withPollInterval(Duration.ofMillis(config.pollIntervalMillis()));
    }

    /** The DynamoDB settings of {@code config} (table, endpoint, create), other values at their defaults. */
    public static DynamoSettings dynamoSettings(Config config) {
        DynamoSettings s = DynamoSettings.of(config.table()).withCreateTable(config.createTable());
        return config.dynamodbEndpoint() == null ? s : s.withEndpoint(URI.create(config.dynamodbEndpoint()));
    }
}
