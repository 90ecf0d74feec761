package io.goredis.store.cache;

import io.goredis.store.Entry;
import java.util.Arrays;
import java.util.Optional;

/**
 * One committed change to one key, as a {@link ChangeSource} delivers it: the key's state after the
 * change ({@code entry}, empty for a delete, a tombstone or a TTL removal) and the version the change
 * is known by.
 *
 * <p>For a put, {@code version} is the new entry's version. For a delete it is the version of the
 * tombstone, or — when only the removed item is known (a TTL REMOVE record) — the version of what
 * was removed. Either way the key is absent <em>after</em> {@code version}: see {@link #rank()}.
 *
 * @param db      database index
 * @param key     the key (not copied; treat as immutable)
 * @param entry   the state after the change; empty when the key is absent
 * @param version see above
 */
public record ChangeEvent(int db, byte[] key, Optional<Entry> entry, long version) {

    public ChangeEvent {
        if (key == null || entry == null) {
            throw new IllegalArgumentException("key and entry must not be null");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, was " + version);
        }
    }

    /** A put of {@code entry} (its own version). */
    public static ChangeEvent put(int db, byte[] key, Entry entry) {
        return new ChangeEvent(db, key, Optional.of(entry), entry.version());
    }

    /** The key is absent after {@code version}. */
    public static ChangeEvent delete(int db, byte[] key, long version) {
        return new ChangeEvent(db, key, Optional.empty(), version);
    }

    /**
     * The total order of states of one key: a put at version v ranks {@code 2v}, an absence after
     * version v ranks {@code 2v + 1}, so a delete of version v supersedes the value at v and is
     * superseded by any later write (whose version is greater than v).
     */
    public long rank() {
        return Slot.rank(entry.isPresent(), version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeEvent c && db == c.db && version == c.version
                && Arrays.equals(key, c.key) && entry.equals(c.entry);
    }

    @Override
    public int hashCode() {
        return (31 * db + Arrays.hashCode(key)) * 31 + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "ChangeEvent[db=" + db + ", key=" + key.length + " bytes, "
                + entry.map(Entry::toString).orElse("absent") + ", version=" + version + "]";
    }
}
