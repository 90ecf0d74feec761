package io.goredis.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.goredis.StoreFactory;
import io.goredis.config.Config;
import io.goredis.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {

    @Test
    void parseBytes_unitsAsRedisConf() {
        assertEquals(268435456L, CacheSettings.parseBytes("268435456"));
        assertEquals(256L * 1024 * 1024, CacheSettings.parseBytes("256mb"));
        assertEquals(256L * 1024 * 1024, CacheSettings.parseBytes("256MB"));
        assertEquals(1_000_000L, CacheSettings.parseBytes("1m"));
        assertEquals(1L << 30, CacheSettings.parseBytes("1gb"));
        assertEquals(2048L, CacheSettings.parseBytes("2kb"));
        assertEquals(5000L, CacheSettings.parseBytes("5k"));
        assertEquals(7L, CacheSettings.parseBytes("7b"));
        assertEquals(0L, CacheSettings.parseBytes("0"));
    }

    @Test
    void parseBytes_rejectsGarbage() {
        for (String bad : new String[] {"", "mb", "-1", "1.5gb", "12xb", "99999999999999999999gb"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CacheSettings.parseBytes(bad));
            assertEquals(true, e.getMessage().contains("not a memory size"), e.getMessage());
        }
    }

    @Test
    void settings_validated() {
        assertThrows(IllegalArgumentException.class, () -> new CacheSettings(-1, Duration.ofMillis(50), Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> new CacheSettings(1, Duration.ofMillis(-1), Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> new CacheSettings(1, Duration.ofSeconds(11), Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> new CacheSettings(1, Duration.ofMillis(50), Duration.ofMillis(10)));
        assertEquals(CachingStore.DEFAULT_MAX_BYTES, CacheSettings.defaults().maxBytes());
    }

    @Test
    void config_cachingFlags() {
        Config c = Config.parse(new String[] {"--store", "caching", "--cache-max-memory", "64mb", "--poll-interval", "10"}, Map.of());
        assertEquals("caching", c.store());
        assertEquals(64L * 1024 * 1024, c.cacheMaxMemory());
        assertEquals(10, c.pollIntervalMillis());
        CacheSettings s = StoreFactory.cacheSettings(c);
        assertEquals(64L * 1024 * 1024, s.maxBytes());
        assertEquals(Duration.ofMillis(10), s.pollInterval());
    }

    @Test
    void config_cachingFromEnvironment_andDefaults() {
        Config c = Config.parse(new String[0], Map.of("GOREDIS_STORE", "caching", "GOREDIS_CACHE_MAX_MEMORY", "1gb"));
        assertEquals(1L << 30, c.cacheMaxMemory());
        assertEquals(50, c.pollIntervalMillis());
        assertEquals(256L * 1024 * 1024, Config.defaults().cacheMaxMemory());
    }

    @Test
    void config_badCacheValues_nameTheSetting() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Config.parse(new String[] {"--cache-max-memory", "lots"}, Map.of()));
        assertEquals("invalid --cache-max-memory (GOREDIS_CACHE_MAX_MEMORY): 'lots' (expected a size in bytes, e.g. 268435456, 256mb or 1gb)",
                e.getMessage());
        ConfigException p = assertThrows(ConfigException.class,
                () -> Config.parse(new String[] {"--poll-interval", "-5"}, Map.of()));
        assertEquals(true, p.getMessage().startsWith("invalid --poll-interval (GOREDIS_POLL_INTERVAL): '-5'"), p.getMessage());
    }
}
