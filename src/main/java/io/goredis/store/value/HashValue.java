package io.goredis.store.value;

import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * A hash: binary-safe fields, each with a binary-safe value. Small hashes (at most
 * {@link #MAX_LISTPACK_ENTRIES} fields, none and no value longer than {@link #MAX_LISTPACK_VALUE}
 * bytes) are one packed array in insertion order, as Redis's listpack; past either limit the hash
 * becomes a {@link ByteTable} for good, as Redis's hashtable encoding. Field operations on a large
 * hash are O(1). Mutable and not thread-safe: see {@link Value} for who may change one.
 */
public final class HashValue implements Value {

    /** Redis 7.0's hash-max-listpack-entries default. */
    public static final int MAX_LISTPACK_ENTRIES = 512;
    /** Redis 7.0's hash-max-listpack-value default. */
    public static final int MAX_LISTPACK_VALUE = 64;
    private static final long OVERHEAD = 32;

    private Packed small; // field, value, field, value ... while small
    private ByteTable table; // once large

    public HashValue() {
        small = new Packed(0);
    }

    private HashValue(Packed small, ByteTable table) {
        this.small = small;
        this.table = table;
    }

    /** An empty hash already in the hashtable encoding (decoding a stored large hash). */
    static HashValue large(int expected) {
        return new HashValue(null, new ByteTable(true, expected));
    }

    @Override
    public Type type() {
        return Type.HASH;
    }

    @Override
    public long weight() {
        return OVERHEAD + (small != null ? small.weight() : table.weight());
    }

    @Override
    public HashValue copy() {
        return new HashValue(small == null ? null : small.copy(), table == null ? null : table.copy());
    }

    @Override
    public String encoding() {
        return small != null ? "listpack" : "hashtable";
    }

    @Override
    public long size() {
        return small != null ? small.count() / 2 : table.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Offset of {@code field} in the packed form, or -1. */
    private int find(byte[] field) {
        for (int off = 0; off < small.end(); off = small.next(small.next(off))) {
            if (small.equalsAt(off, field)) {
                return off;
            }
        }
        return -1;
    }

    /** The value of {@code field}, or null. */
    public byte[] get(byte[] field) {
        if (small == null) {
            return table.get(field);
        }
        int off = find(field);
        return off < 0 ? null : small.bytesAt(small.next(off));
    }

    public boolean contains(byte[] field) {
        return small == null ? table.contains(field) : find(field) >= 0;
    }

    /** Sets {@code field} to {@code value}; true if the field is new. The arrays are kept. */
    public boolean put(byte[] field, byte[] value) {
        if (small != null && (field.length > MAX_LISTPACK_VALUE || value.length > MAX_LISTPACK_VALUE)) {
            toTable();
        }
        if (small == null) {
            return table.put(field, value);
        }
        int off = find(field);
        if (off >= 0) {
            small.replace(small.next(off), value);
            return false;
        }
        small.append(field);
        small.append(value);
        if (small.count() / 2 > MAX_LISTPACK_ENTRIES) {
            toTable();
        }
        return true;
    }

    /** Removes {@code field}; true if it was present. */
    public boolean remove(byte[] field) {
        if (small == null) {
            return table.remove(field);
        }
        int off = find(field);
        if (off < 0) {
            return false;
        }
        small.remove(off, 2);
        return true;
    }

    private void toTable() {
        ByteTable t = new ByteTable(true, small.count() / 2 + 1);
        for (int off = 0; off < small.end(); ) {
            int v = small.next(off);
            t.put(small.bytesAt(off), small.bytesAt(v));
            off = small.next(v);
        }
        table = t;
        small = null;
    }

    /** Every field and value: insertion order while small, table order once large. */
    public void forEach(BiConsumer<byte[], byte[]> action) {
        if (small == null) {
            table.forEach(action);
            return;
        }
        for (int off = 0; off < small.end(); ) {
            int v = small.next(off);
            action.accept(small.bytesAt(off), small.bytesAt(v));
            off = small.next(v);
        }
    }

    /**
     * One HSCAN step (see {@link ByteTable#scan}); a small hash answers everything at once with
     * cursor 0, as Redis does for a listpack.
     */
    public long scan(long cursor, int count, BiConsumer<byte[], byte[]> action) {
        if (small != null) {
            forEach(action);
            return 0;
        }
        return table.scan(cursor, count, action);
    }

    /** A uniformly random {field, value}; the hash must not be empty. */
    public byte[][] random(RandomGenerator random) {
        if (small == null) {
            int s = table.randomSlot(random);
            return new byte[][] {table.keyAt(s), table.valueAt(s)};
        }
        int pick = random.nextInt(small.count() / 2);
        int off = 0;
        for (int i = 0; i < pick; i++) {
            off = small.next(small.next(off));
        }
        return new byte[][] {small.bytesAt(off), small.bytesAt(small.next(off))};
    }
}
