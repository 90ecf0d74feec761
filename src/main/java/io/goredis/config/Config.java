package io.goredis.config;

import io.goredis.store.cache.CacheSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * goredis's settings, validated once at start-up from command-line flags and the environment (a flag
 * wins over its variable, which wins over the default). Tests build one with
 * {@code Config.parse(new String[0], Map.of(...))}.
 *
 * <h2>Adding a setting</h2>
 * Add an {@link Option} to {@link #OPTIONS} (flag, variable, default, help), a record component, and
 * one line in {@link #parse} reading it with {@code raw.integer(...)}, {@code raw.string(...)},
 * {@code raw.bool(...)} or {@code raw.choice(...)} — those validate and name the setting in the error.
 *
 * @param port         TCP port; 0 picks a free one (tests)
 * @param bind         address to listen on; null means every interface (as Redis without a config file)
 * @param store        which Store backs the keyspace: one of {@link #STORES}
 * @param maxClients   connections served at once; one more gets {@code -ERR max number of clients reached}
 * @param protectedMode with no password, serve only loopback clients (Redis's protected-mode)
 * @param password     REDIS_PASSWORD, or null when AUTH is not required; never logged
 * @param table        DynamoDB table of the dynamodb (and caching) store
 * @param dynamodbEndpoint DynamoDB endpoint override (e.g. DynamoDB Local), or null for the SDK's default
 * @param createTable  create the DynamoDB table if it is missing
 * @param cacheMaxMemory caching store: bound on cached bytes ({@code --cache-max-memory}, redis.conf units)
 * @param pollIntervalMillis caching store: wait between stream polls that found nothing
 * @param platformThreads sessions served on platform threads at once; more run on virtual threads
 *                     (default {@value #DEFAULT_PLATFORM_THREADS})
 */
public record Config(int port, String bind, String store, int maxClients, boolean protectedMode,
                     String password, String table, String dynamodbEndpoint, boolean createTable,
                     long cacheMaxMemory, int pollIntervalMillis, int platformThreads) {

    /**
     * Sessions on platform threads by default: a platform thread blocked in a socket read is woken
     * sooner than a virtual one (see {@code SessionThreads}), which roughly halves a lone client's
     * round trip; sessions past the bound run on virtual threads, so the server still scales. 256
     * also matches the DynamoDB store's HTTP connection pool.
     */
    public static final int DEFAULT_PLATFORM_THREADS = 256;

    /** Stores {@code --store} accepts. The store factory must handle every name here. */
    public static final Set<String> STORES = Set.of("memory", "dynamodb", "caching");

    /** Every setting: the flag (without dashes), its environment variable, default and help. */
    public static final List<Option> OPTIONS = List.of(
            Option.value("port", "GOREDIS_PORT", "6379", "TCP port to listen on (0 = any free port)"),
            Option.value("bind", "GOREDIS_BIND", null, "address to listen on (default: all interfaces)"),
            Option.value("store", "GOREDIS_STORE", "memory", "keyspace backend: " + String.join("|", STORES.stream().sorted().toList())),
            Option.value("maxclients", "GOREDIS_MAXCLIENTS", "10000", "maximum number of connected clients"),
            Option.value("protected-mode", "GOREDIS_PROTECTED_MODE", "yes",
                    "yes|no: without a password, only loopback clients are served"),
            Option.env("REDIS_PASSWORD", "password clients must AUTH with (environment only)"),
            Option.value("table", "GOREDIS_TABLE", "goredis", "DynamoDB table (dynamodb store)"),
            Option.value("dynamodb-endpoint", "AWS_ENDPOINT_URL_DYNAMODB", null,
                    "DynamoDB endpoint, e.g. http://127.0.0.1:8000 for DynamoDB Local (default: AWS)"),
            Option.flagSwitch("create-table", "GOREDIS_CREATE_TABLE",
                    "create the DynamoDB table if missing (on-demand, stream, TTL)"),
            Option.value("cache-max-memory", "GOREDIS_CACHE_MAX_MEMORY", "256mb",
                    "caching store: memory bound of the cache (bytes, or 64mb, 1gb as in redis.conf)"),
            Option.value("poll-interval", "GOREDIS_POLL_INTERVAL", "50",
                    "caching store: milliseconds between DynamoDB Streams polls that found nothing"),
            Option.value("platform-threads", "GOREDIS_PLATFORM_THREADS", Integer.toString(DEFAULT_PLATFORM_THREADS),
                    "sessions served on platform threads at once, the rest on virtual threads"));

    public Config {
        if (port < 0 || port > 65535) {
            throw new ConfigException("port must be between 0 and 65535, was " + port);
        }
        if (platformThreads < 0) {
            throw new ConfigException("platform-threads must be at least 0, was " + platformThreads);
        }
        if (maxClients < 1) {
            throw new ConfigException("maxclients must be at least 1, was " + maxClients);
        }
        if (!STORES.contains(store)) {
            throw new ConfigException("store must be one of " + STORES + ", was '" + store + "'");
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if (table == null || !table.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw new ConfigException("invalid --table (GOREDIS_TABLE): '" + table
                    + "' (expected 3-255 characters of a-z A-Z 0-9 _ - .)");
        }
        if (dynamodbEndpoint != null && !dynamodbEndpoint.matches("https?://[^/\\s]+/?")) {
            throw new ConfigException("invalid --dynamodb-endpoint (AWS_ENDPOINT_URL_DYNAMODB): '" + dynamodbEndpoint
                    + "' (expected http://host:port or https://host)");
        }
    }

    /** The settings without the DynamoDB ones (defaults: table goredis, AWS endpoint, no creation). */
    public Config(int port, String bind, String store, int maxClients, boolean protectedMode, String password) {
        this(port, bind, store, maxClients, protectedMode, password, "goredis", null, false);
    }

    /** The settings without the caching store's (defaults: 256 MB, 50 ms). */
    public Config(int port, String bind, String store, int maxClients, boolean protectedMode, String password,
                  String table, String dynamodbEndpoint, boolean createTable) {
        this(port, bind, store, maxClients, protectedMode, password, table, dynamodbEndpoint, createTable,
                256L * 1024 * 1024, 50, DEFAULT_PLATFORM_THREADS);
    }

    /** Defaults only: handy in tests. */
    public static Config defaults() {
        return parse(new String[0], Map.of());
    }

    /**
     * Builds and validates the config.
     *
     * @throws ConfigException with one line naming the setting, for an unknown flag or a bad value
     */
    public static Config parse(String[] args, Map<String, String> env) {
        Raw raw = new Raw(args, env);
        return new Config(
                raw.integer("port", 0, 65535),
                raw.string("bind"),
                raw.choice("store", STORES),
                raw.integer("maxclients", 1, Integer.MAX_VALUE),
                raw.bool("protected-mode"),
                raw.string("REDIS_PASSWORD"),
                raw.string("table"),
                raw.string("dynamodb-endpoint"),
                raw.bool("create-table"),
                raw.bytes("cache-max-memory"),
                raw.integer("poll-interval", 0, 10_000),
                raw.integer("platform-threads", 0, 1_000_000));
    }

    /** True if the arguments ask for the usage text. */
    public static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** The --help text. */
    public static String usage() {
        StringBuilder sb = new StringBuilder("Usage: goredis [options]\n\nOptions (flag / environment variable, default):\n");
        for (Option o : OPTIONS) {
            String flag = o.flag() == null ? "" : "--" + o.flag() + (o.isSwitch() ? "" : " <value>");
            sb.append(String.format(Locale.ROOT, "  %-32s %-24s %s%s%n", flag, o.env() == null ? "" : o.env(),
                    o.help(), o.defaultValue() == null ? "" : " (default " + o.defaultValue() + ")"));
        }
        sb.append(String.format(Locale.ROOT, "  %-32s %-24s %s%n", "--help", "", "print this help and exit"));
        return sb.toString();
    }

    public boolean requiresPassword() {
        return password != null;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Config[port=" + port + ", bind=" + bind + ", store=" + store + ", maxClients=" + maxClients
                + ", protectedMode=" + protectedMode + ", password=" + (password == null ? "none" : "****")
                + ", table=" + table + ", dynamodbEndpoint=" + dynamodbEndpoint + ", createTable=" + createTable
                + ", cacheMaxMemory=" + cacheMaxMemory + ", pollIntervalMillis=" + pollIntervalMillis
                + ", platformThreads=" + platformThreads + "]";
    }

    /**
     * One setting. {@code flag} is the long option without dashes (null: environment only);
     * a switch takes no value ({@code --create-table}) and reads as "yes".
     */
    public record Option(String flag, String env, String defaultValue, String help, boolean isSwitch) {

        public static Option value(String flag, String env, String defaultValue, String help) {
            return new Option(flag, env, defaultValue, help, false);
        }

        public static Option flagSwitch(String flag, String env, String help) {
            return new Option(flag, env, "no", help, true);
        }

        public static Option env(String env, String help) {
            return new Option(null, env, null, help, false);
        }

        /** The name used in error messages: "--port (GOREDIS_PORT)". */
        String label() {
            if (flag == null) {
                return env;
            }
            return "--" + flag + (env == null ? "" : " (" + env + ")");
        }

        String key() {
            return flag != null ? flag : env;
        }
    }

    /** Raw string values by option key, from flags then environment then defaults; typed getters validate. */
    private static final class Raw {
        private final Map<String, Option> byKey = new LinkedHashMap<>();
        private final Map<String, String> values = new LinkedHashMap<>();

        Raw(String[] args, Map<String, String> env) {
            for (Option o : OPTIONS) {
                byKey.put(o.key(), o);
                String v = o.env() != null ? env.get(o.env()) : null;
                values.put(o.key(), v != null ? v : o.defaultValue());
            }
            List<String> rest = new ArrayList<>(List.of(args));
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                if (!a.startsWith("--")) {
                    throw new ConfigException("unexpected argument '" + a + "' (see --help)");
                }
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                Option o = byKey.get(name);
                if (o == null || o.flag() == null) {
                    throw new ConfigException("unknown option --" + name + " (see --help)");
                }
                if (value == null) {
                    if (o.isSwitch()) {
                        value = "yes";
                    } else if (i + 1 < rest.size()) {
                        value = rest.get(++i);
                    } else {
                        throw new ConfigException("--" + name + " needs a value");
                    }
                }
                values.put(name, value);
            }
        }

        String string(String key) {
            String v = values.get(key);
            return v == null || v.isEmpty() ? null : v;
        }

        int integer(String key, int min, int max) {
            return (int) longValue(key, min, max);
        }

        long longValue(String key, long min, long max) {
            String v = values.get(key);
            long n;
            try {
                n = Long.parseLong(v == null ? "" : v.trim());
            } catch (NumberFormatException e) {
                throw bad(key, v, "an integer");
            }
            if (n < min || n > max) {
                throw bad(key, v, "between " + min + " and " + max);
            }
            return n;
        }

        boolean bool(String key) {
            String v = values.get(key);
            String s = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
            return switch (s) {
                case "yes", "true", "1", "on" -> true;
                case "no", "false", "0", "off" -> false;
                default -> throw bad(key, v, "yes or no");
            };
        }

        String choice(String key, Set<String> allowed) {
            String v = values.get(key);
            String s = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
            if (!allowed.contains(s)) {
                throw bad(key, v, "one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
            return s;
        }

        /** A memory size as redis.conf writes it: {@code 268435456}, {@code 256mb}, {@code 1gb}. */
        long bytes(String key) {
            String v = values.get(key);
            try {
                return CacheSettings.parseBytes(v == null ? "" : v);
            } catch (IllegalArgumentException e) {
                throw bad(key, v, "a size in bytes, e.g. 268435456, 256mb or 1gb");
            }
        }

        private ConfigException bad(String key, String value, String expected) {
            return new ConfigException("invalid " + byKey.get(key).label() + ": '" + value + "' (expected " + expected + ")");
        }
    }
}
