package io.goredis.store;

/**
 * What a transaction saw of one key, to be checked again when it commits ({@link Store#commit}):
 * whether the key was live, and a store-specific version that changes with every write to it.
 *
 * <ul>
 *   <li>A live key: its entry's version. The check fails if the key was written, deleted or has
 *       expired since.</li>
 *   <li>An absent key (missing, deleted, or expired): {@code version} tells the store how to detect
 *       that it was created since, even if it was deleted again (Redis's WATCH fails on any write):
 *       the DynamoDB stores use the tombstone's or expired item's version, {@link #NO_ITEM} when
 *       the table holds no item; the in-memory store a creation counter of the key's hash bucket.</li>
 * </ul>
 */
public record Stamp(long version, boolean live) {

    /** {@code version} of an absent key with no stored item at all (DynamoDB stores). */
    public static final long NO_ITEM = -1;

    public static Stamp live(long version) {
        return new Stamp(version, true);
    }

    public static Stamp absent(long version) {
        return new Stamp(version, false);
    }
}
