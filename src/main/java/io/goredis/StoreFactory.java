package io.goredis;

import io.goredis.config.Config;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.time.Clock;

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
            default -> throw new IllegalArgumentException("no factory for store '" + config.store() + "'");
        };
    }
}
