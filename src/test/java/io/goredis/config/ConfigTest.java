package io.goredis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    private static Config parse(Map<String, String> env, String... args) {
        return Config.parse(args, env);
    }

    private static String error(Map<String, String> env, String... args) {
        return assertThrows(ConfigException.class, () -> Config.parse(args, env)).getMessage();
    }

    @Test
    void defaults() {
        Config c = Config.defaults();
        assertEquals(6379, c.port());
        assertNull(c.bind());
        assertEquals("memory", c.store());
        assertEquals(10000, c.maxClients());
        assertTrue(c.protectedMode());
        assertNull(c.password());
        assertFalse(c.requiresPassword());
    }

    @Test
    void flags_overrideEnvironment() {
        Config c = parse(Map.of("GOREDIS_PORT", "7000", "GOREDIS_BIND", "127.0.0.1"), "--port", "7001", "--maxclients=5",
                "--protected-mode", "no");
        assertEquals(7001, c.port());
        assertEquals("127.0.0.1", c.bind());
        assertEquals(5, c.maxClients());
        assertFalse(c.protectedMode());
    }

    @Test
    void environment_used() {
        Config c = parse(Map.of("GOREDIS_PORT", "7000", "GOREDIS_STORE", "MEMORY", "REDIS_PASSWORD", "bacon",
                "GOREDIS_MAXCLIENTS", "3", "GOREDIS_PROTECTED_MODE", "no"));
        assertEquals(7000, c.port());
        assertEquals("memory", c.store());
        assertEquals("bacon", c.password());
        assertTrue(c.requiresPassword());
        assertEquals(3, c.maxClients());
        assertFalse(c.protectedMode());
    }

    @Test
    void emptyPassword_meansNone() {
        assertNull(parse(Map.of("REDIS_PASSWORD", "")).password());
    }

    @Test
    void badValues_nameTheSetting() {
        assertEquals("invalid --port (GOREDIS_PORT): 'abc' (expected an integer)", error(Map.of(), "--port", "abc"));
        assertEquals("invalid --port (GOREDIS_PORT): '70000' (expected between 0 and 65535)", error(Map.of("GOREDIS_PORT", "70000")));
        assertEquals("invalid --maxclients (GOREDIS_MAXCLIENTS): '0' (expected between 1 and 2147483647)", error(Map.of(), "--maxclients", "0"));
        assertEquals("invalid --store (GOREDIS_STORE): 'redis' (expected one of caching, dynamodb, memory)", error(Map.of(), "--store", "redis"));
        assertEquals("invalid --protected-mode (GOREDIS_PROTECTED_MODE): 'maybe' (expected yes or no)",
                error(Map.of(), "--protected-mode", "maybe"));
        assertEquals("unknown option --nope (see --help)", error(Map.of(), "--nope", "1"));
        assertEquals("unexpected argument 'x' (see --help)", error(Map.of(), "x"));
        assertEquals("--port needs a value", error(Map.of(), "--port"));
    }

    @Test
    void platformThreads_default256_andCanBeSet() {
        assertEquals(256, Config.defaults().platformThreads());
        assertEquals(256, parse(Map.of(), "--store", "dynamodb").platformThreads());
        assertEquals(0, parse(Map.of(), "--store", "dynamodb", "--platform-threads", "0").platformThreads());
        assertEquals(64, parse(Map.of("GOREDIS_PLATFORM_THREADS", "64")).platformThreads());
        assertEquals("invalid --platform-threads (GOREDIS_PLATFORM_THREADS): '-1' (expected between 0 and 1000000)",
                error(Map.of(), "--platform-threads", "-1"));
    }

    @Test
    void record_validatesDirectConstruction() {
        assertThrows(ConfigException.class, () -> new Config(-1, null, "memory", 1, true, null));
        assertThrows(ConfigException.class, () -> new Config(1, null, "memory", 0, true, null));
        assertThrows(ConfigException.class, () -> new Config(1, null, "nope", 1, true, null));
        assertThrows(ConfigException.class,
                () -> new Config(1, null, "memory", 1, true, null, "goredis", null, false, 1024, 50, -1));
    }

    @Test
    void toString_hidesPassword() {
        String s = parse(Map.of("REDIS_PASSWORD", "bacon")).toString();
        assertFalse(s.contains("bacon"), s);
        assertTrue(s.contains("****"), s);
    }

    @Test
    void help_listsEveryOption() {
        assertTrue(Config.wantsHelp(new String[] {"--port", "1", "--help"}));
        assertFalse(Config.wantsHelp(new String[] {"--port", "1"}));
        String usage = Config.usage();
        for (Config.Option o : Config.OPTIONS) {
            assertTrue(usage.contains(o.env() != null ? o.env() : o.flag()), usage);
        }
    }
}
