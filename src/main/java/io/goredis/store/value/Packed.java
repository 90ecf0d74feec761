package io.goredis.store.value;

import java.util.Arrays;

/**
 * A compact run of byte strings in one array, each a varint length then its bytes: the
 * "listpack" encoding of small collections (a small hash keeps field, value, field, value ...).
 * Lookups walk it from the start, as Redis walks a listpack; it is only used while small. Not
 * thread-safe.
 */
final class Packed {

    private byte[] buf;
    private int used;
    private int count;
    /** Grow by half again rather than to the exact size (a list chunk, appended to often). */
    private final boolean roomy;

    Packed(int capacity) {
        this(capacity, false);
    }

    Packed(int capacity, boolean roomy) {
        buf = new byte[capacity];
        this.roomy = roomy;
    }

    private Packed(Packed other) {
        buf = Arrays.copyOf(other.buf, other.used);
        used = other.used;
        count = other.count;
        roomy = other.roomy;
    }

    Packed copy() {
        return new Packed(this);
    }

    /** Number of strings held. */
    int count() {
        return count;
    }

    /** Offset one past the last string: iteration runs while {@code off < end()}. */
    int end() {
        return used;
    }

    long weight() {
        return 16 + buf.length;
    }

    /** Length of the string at {@code off}. */
    int lengthAt(int off) {
        int len = 0;
        int shift = 0;
        while (true) {
            byte b = buf[off++];
            len |= (b & 0x7f) << shift;
            if (b >= 0) {
                return len;
            }
            shift += 7;
        }
    }

    /** Offset of the bytes of the string at {@code off}. */
    int dataAt(int off) {
        while (buf[off] < 0) {
            off++;
        }
        return off + 1;
    }

    /** Offset of the string after the one at {@code off}. */
    int next(int off) {
        return dataAt(off) + lengthAt(off);
    }

    boolean equalsAt(int off, byte[] s) {
        int len = lengthAt(off);
        if (len != s.length) {
            return false;
        }
        int d = dataAt(off);
        return Arrays.equals(buf, d, d + len, s, 0, len);
    }

    byte[] bytesAt(int off) {
        int d = dataAt(off);
        return Arrays.copyOfRange(buf, d, d + lengthAt(off));
    }

    /** Appends {@code s} at the end. */
    void append(byte[] s) {
        insert(used, s);
    }

    /** Inserts {@code s} before the string at {@code off} ({@code end()} appends). */
    void insert(int off, byte[] s) {
        int need = varintSize(s.length) + s.length;
        ensure(used + need);
        System.arraycopy(buf, off, buf, off + need, used - off);
        int d = writeVarint(off, s.length);
        System.arraycopy(s, 0, buf, d, s.length);
        used += need;
        count++;
    }

    /** Replaces the string at {@code off} with {@code s}. */
    void replace(int off, byte[] s) {
        int oldEnd = next(off);
        int need = varintSize(s.length) + s.length;
        int delta = need - (oldEnd - off);
        ensure(used + delta);
        System.arraycopy(buf, oldEnd, buf, oldEnd + delta, used - oldEnd);
        int d = writeVarint(off, s.length);
        System.arraycopy(s, 0, buf, d, s.length);
        used += delta;
    }

    /** Removes the {@code n} strings that start at {@code off}. */
    void remove(int off, int n) {
        int endOff = off;
        for (int i = 0; i < n; i++) {
            endOff = next(endOff);
        }
        System.arraycopy(buf, endOff, buf, off, used - endOff);
        used -= endOff - off;
        count -= n;
        if (buf.length - used > 64 && !(roomy && used > buf.length / 2)) {
            buf = Arrays.copyOf(buf, (used + 7) & ~7);
        }
    }

    /**
     * Grows to what is needed, rounded up to 8 bytes, as Redis reallocates a listpack on every
     * insert: a small collection keeps no spare room (a million small hashes would waste it a
     * million times), and copying a few KB per insert is what a listpack costs anyway.
     */
    private void ensure(int capacity) {
        if (capacity > buf.length) {
            int grown = roomy ? Math.max(capacity, buf.length + (buf.length >> 1)) : capacity;
            buf = Arrays.copyOf(buf, (grown + 7) & ~7);
        }
    }

    private int writeVarint(int off, int v) {
        while ((v & ~0x7f) != 0) {
            buf[off++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[off++] = (byte) v;
        return off;
    }

    static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7f) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }
}
