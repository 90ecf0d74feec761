package io.goredis.store;

import io.goredis.store.value.StringValue;
import io.goredis.store.value.Type;
import io.goredis.store.value.Value;

/**
 * One live value as a {@link Store} hands it out: the typed value, the absolute expiry and the
 * entry's version.
 *
 * <p>{@code expireAtMillis} is milliseconds since the Unix epoch, or {@link #NO_EXPIRY}.
 * {@code version} is strictly greater than the version of every earlier write to the same key in the
 * same store (a delete and re-create included), so a cache can always tell newer from older.
 *
 * <p>The value is not copied: callers treat it as read-only (see {@link Value} for who may change a
 * collection).
 */
public record Entry(Value value, long expireAtMillis, long version) {

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

    /** A string entry holding {@code bytes} (not copied). */
    public Entry(byte[] bytes, long expireAtMillis, long version) {
        this(StringValue.of(bytes), expireAtMillis, version);
    }

    public Type type() {
        return value.type();
    }

    /**
     * The bytes of a string entry (stores and metadata, where only strings live); commands use
     * {@code Values.string}, which answers WRONGTYPE. IllegalStateException for another type.
     */
    public byte[] bytes() {
        if (value instanceof StringValue s) {
            return s.bytes();
        }
        throw new IllegalStateException("not a string: " + value.type());
    }

    /** The same value with another expiry and version. */
    public Entry with(long expireAtMillis, long version) {
        return new Entry(value, expireAtMillis, version);
    }

    public boolean hasExpiry() {
        return expireAtMillis != NO_EXPIRY;
    }

    /** True if the entry is expired at {@code nowMillis}: as Redis's {@code keyIsExpired}, once now > expiry. */
    public boolean isExpiredAt(long nowMillis) {
        return expireAtMillis != NO_EXPIRY && nowMillis > expireAtMillis;
    }

    @Override
    public String toString() {
        return "Entry[" + value + ", expireAt=" + expireAtMillis + ", version=" + version + "]";
    }
}
