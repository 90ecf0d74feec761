package io.goredis.store.memory;

import io.goredis.store.ByteHash;
import java.util.Arrays;

/**
 * A binary-safe key as the in-memory store holds it: the bytes plus a well-mixed 32-bit hash,
 * computed once. Keys order by (unsigned hash, bytes), which is the order the scan cursor walks.
 *
 * <p>Lookups wrap the caller's array without copying; {@link #owned} makes the copy the store keeps.
 */
final class Key implements Comparable<Key> {

    final byte[] bytes;
    final int hash;

    private Key(byte[] bytes, int hash) {
        this.bytes = bytes;
        this.hash = hash;
    }

    /** Wraps {@code bytes} for a lookup (no copy). */
    static Key wrap(byte[] bytes) {
        return new Key(bytes, ByteHash.of(bytes));
    }

    /** A key owning a private copy of {@code bytes}, safe to keep in the store. */
    static Key copyOf(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new Key(copy, ByteHash.of(copy));
    }

    /** This key with a private copy of its bytes (same hash), safe to keep in the store. */
    Key owned() {
        return new Key(bytes.clone(), hash);
    }

    /** The smallest possible key with unsigned hash {@code >= hash}: a probe for ceiling searches. */
    static Key probe(int hash) {
        return new Key(EMPTY, hash);
    }

    private static final byte[] EMPTY = new byte[0];

    /** Unsigned value of the hash, 0 .. 2^32-1: the scan cursor space. */
    long position() {
        return Integer.toUnsignedLong(hash);
    }

    @Override
    public int compareTo(Key o) {
        int c = Integer.compareUnsigned(hash, o.hash);
        return c != 0 ? c : Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key k && hash == k.hash && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Key[" + bytes.length + " bytes]";
    }
}
