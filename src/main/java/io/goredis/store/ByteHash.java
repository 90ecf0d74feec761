package io.goredis.store;

import java.util.Arrays;

/**
 * The hash of a byte string that the in-memory keyspace and the collection tables share:
 * {@link Arrays#hashCode(byte[])} (vectorised by the JIT) spread by Murmur3's finalizer, so that
 * hash order is a fair shuffle of the strings and the low bits make good table slots.
 */
public final class ByteHash {

    private ByteHash() {}

    public static int of(byte[] bytes) {
        int h = Arrays.hashCode(bytes);
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
