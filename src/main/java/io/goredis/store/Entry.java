package io.goredis.store;

import java.util.Arrays;

/**
 * One live value as a {@link Store} hands it out: the value bytes, the absolute expiry and the
 * entry's version.
 *
 * <p>{@code expireAtMillis} is milliseconds since the Unix epoch, or {@link #NO_EXPIRY}.
 * {@code version} is strictly greater than the version of every earlier write to the same key in the
 * same store (a delete and re-create included), so a cache can always tell newer from older.
 *
 * <p>The array is not copied: callers must treat it as immutable.
 */
public record Entry(byte[] value, long expireAtMillis, long version) {

    /** {@code expireAtMillis} of an entry that never expires. */
    public static final long NO_EXPIRY = 0L;

    public Entry {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        if (expireAtMillis < 0) {
            throw new IllegalArgumentException("expireAtMillis must be >= 0, was " + expireAtMillis);
        }
    }

    public boolean hasExpiry() {
        return expireAtMillis != NO_EXPIRY;
    }

    /** True if the entry is expired at {@code nowMillis}: as Redis's {@code keyIsExpired}, once now > expiry. */
    public boolean isExpiredAt(long nowMillis) {
        return expireAtMillis != NO_EXPIRY && nowMillis > expireAtMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e
                && expireAtMillis == e.expireAtMillis
                && version == e.version
                && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(value) + Long.hashCode(expireAtMillis)) + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "Entry[" + value.length + " bytes, expireAt=" + expireAtMillis + ", version=" + version + "]";
    }
}
