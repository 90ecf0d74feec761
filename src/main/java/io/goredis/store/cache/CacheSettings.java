package io.goredis.store.cache;

import java.time.Duration;
import java.util.Locale;

/**
 * Settings of the caching store.
 *
 * @param maxBytes     {@code --cache-max-memory}: bound on cached key and value bytes plus a fixed
 *                     per-entry overhead
 * @param pollInterval {@code --poll-interval}: wait between stream polls that returned nothing
 * @param maxLag       how far behind the stream the follower may fall before the cache stops
 *                     trusting itself and passes reads through
 */
public record CacheSettings(long maxBytes, Duration pollInterval, Duration maxLag) {

    public static final long DEFAULT_MAX_BYTES = CachingStore.DEFAULT_MAX_BYTES;
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);
    public static final Duration DEFAULT_MAX_LAG = StreamPoller.DEFAULT_MAX_LAG;

    public CacheSettings {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("cache-max-memory must be >= 0, was " + maxBytes);
        }
        if (pollInterval.isNegative() || pollInterval.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("poll-interval must be 0..10000 ms, was " + pollInterval.toMillis());
        }
        if (maxLag.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("max lag must be >= 1 s, was " + maxLag.toMillis() + " ms");
        }
    }

    public static CacheSettings defaults() {
        return new CacheSettings(DEFAULT_MAX_BYTES, DEFAULT_POLL_INTERVAL, DEFAULT_MAX_LAG);
    }

    public CacheSettings withMaxBytes(long bytes) {
        return new CacheSettings(bytes, pollInterval, maxLag);
    }

    public CacheSettings withPollInterval(Duration interval) {
        return new CacheSettings(maxBytes, interval, maxLag);
    }

    /**
     * Parses a memory size as redis.conf does: a plain number of bytes, or a number with a unit
     * {@code k kb m mb g gb} (case-insensitive; {@code k}/{@code m}/{@code g} are powers of 1000,
     * {@code kb}/{@code mb}/{@code gb} of 1024), e.g. {@code 268435456}, {@code 256mb}, {@code 1gb}.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        String[][] units = {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"},
                {"k", "1000"}, {"m", "1000000"}, {"g", "1000000000"}, {"b", "1"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length()).trim();
                break;
            }
        }
        try {
            long n = Long.parseLong(t);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a memory size: '" + text + "' (e.g. 268435456, 256mb, 1gb)");
        }
    }
}
