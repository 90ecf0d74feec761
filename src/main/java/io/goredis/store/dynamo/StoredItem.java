package io.goredis.store.dynamo;

import io.goredis.store.value.Value;
import io.goredis.store.Entry;
import java.util.Arrays;
import java.util.Optional;

/**
 * One item of the goredis table as decoded by {@link ItemCodec}: which database and key it holds,
 * its version, and either a typed value (a live or expired entry) or nothing (a tombstone left by a
 * delete, kept so that the key's version survives delete and re-create).
 *
 * <p>The caching store decodes DynamoDB Streams images into this: an image with a newer
 * {@link #version()} than what a node holds replaces it; {@link #entryAt(long)} tells whether
 * anything is visible. Nothing is copied; treat it as read-only.
 *
 * @param db             database index, 0..255
 * @param key            the Redis key (may be empty)
 * @param version        the item's version; strictly increasing per key across every write
 * @param value          the decoded value, or {@code null} for a tombstone
 * @param expireAtMillis absolute expiry in epoch millis, {@link Entry#NO_EXPIRY} for none; for a
 *                       tombstone, the time of the delete
 */
public record StoredItem(int db, byte[] key, long version, Value value, long expireAtMillis) {

    /** True for a delete marker: the key is absent at this version. */
    public boolean isTombstone() {
        return value == null;
    }

    /** The entry as a store hands it out, or empty for a tombstone or an entry expired at {@code nowMillis}. */
    public Optional<Entry> entryAt(long nowMillis) {
        if (value == null) {
            return Optional.empty();
        }
        Entry e = new Entry(value, expireAtMillis, version);
        return e.isExpiredAt(nowMillis) ? Optional.empty() : Optional.of(e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredItem s
                && db == s.db
                && version == s.version
                && expireAtMillis == s.expireAtMillis
                && Arrays.equals(key, s.key)
                && java.util.Objects.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "StoredItem[db=" + db + ", key=" + key.length + " bytes, version=" + version
                + (value == null ? ", tombstone" : ", " + value + ", expireAt=" + expireAtMillis) + "]";
    }
}
