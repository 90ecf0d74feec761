package io.goredis.store.value;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A set of binary-safe members. While every member is an integer (Redis's strict form) and there
 * are at most {@link #MAX_INTSET_ENTRIES}, it is a sorted array of longs, as Redis's intset
 * (SMEMBERS answers it in ascending order); otherwise a {@link ByteTable}, for good, as Redis's
 * hashtable encoding. Member operations on a large set are O(1). Mutable and not thread-safe: see
 * {@link Value} for who may change one.
 */
public final class SetValue implements Value {

    /** Redis 7.0's set-max-intset-entries default. */
    public static final int MAX_INTSET_ENTRIES = 512;
    private static final long OVERHEAD = 32;

    private long[] ints; // sorted, while an intset
    private int intCount;
    private ByteTable table; // once not

    public SetValue() {
        ints = new long[4];
    }

    private SetValue(long[] ints, int intCount, ByteTable table) {
        this.ints = ints;
        this.intCount = intCount;
        this.table = table;
    }

    /** An empty set already in the hashtable encoding (decoding a stored large set). */
    static SetValue large(int expected) {
        return new SetValue(null, 0, new ByteTable(false, expected));
    }

    @Override
    public Type type() {
        return Type.SET;
    }

    @Override
    public long weight() {
        return OVERHEAD + (table == null ? 16 + 8L * ints.length : table.weight());
    }

    @Override
    public SetValue copy() {
        return new SetValue(ints == null ? null : ints.clone(), intCount, table == null ? null : table.copy());
    }

    @Override
    public String encoding() {
        return table == null ? "intset" : "hashtable";
    }

    @Override
    public long size() {
        return table == null ? intCount : table.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public boolean contains(byte[] member) {
        if (table != null) {
            return table.contains(member);
        }
        Long v = Longs.parse(member);
        return v != null && Arrays.binarySearch(ints, 0, intCount, v) >= 0;
    }

    /** Adds {@code member} (kept, not copied); true if it was new. */
    public boolean add(byte[] member) {
        if (table != null) {
            return table.put(member, null);
        }
        Long v = Longs.parse(member);
        if (v == null) {
            toTable();
            return table.put(member, null);
        }
        int at = Arrays.binarySearch(ints, 0, intCount, v);
        if (at >= 0) {
            return false;
        }
        if (intCount == MAX_INTSET_ENTRIES) {
            toTable();
            return table.put(member, null);
        }
        at = -1 - at;
        if (intCount == ints.length) {
            ints = Arrays.copyOf(ints, Math.min(MAX_INTSET_ENTRIES, Math.max(4, intCount * 2)));
        }
        System.arraycopy(ints, at, ints, at + 1, intCount - at);
        ints[at] = v;
        intCount++;
        return true;
    }

    /** Removes {@code member}; true if it was present. */
    public boolean remove(byte[] member) {
        if (table != null) {
            return table.remove(member);
        }
        Long v = Longs.parse(member);
        if (v == null) {
            return false;
        }
        int at = Arrays.binarySearch(ints, 0, intCount, v);
        if (at < 0) {
            return false;
        }
        removeIntAt(at);
        return true;
    }

    private void removeIntAt(int at) {
        System.arraycopy(ints, at + 1, ints, at, intCount - at - 1);
        intCount--;
    }

    private void toTable() {
        ByteTable t = new ByteTable(false, intCount + 1);
        for (int i = 0; i < intCount; i++) {
            t.put(Longs.bytes(ints[i]), null);
        }
        table = t;
        ints = null;
        intCount = 0;
    }

    /** Every member: ascending while an intset, table order otherwise. */
    public void forEach(Consumer<byte[]> action) {
        if (table != null) {
            table.forEach((k, v) -> action.accept(k));
            return;
        }
        for (int i = 0; i < intCount; i++) {
            action.accept(Longs.bytes(ints[i]));
        }
    }

    /** One SSCAN step (see {@link ByteTable#scan}); an intset answers everything with cursor 0. */
    public long scan(long cursor, int count, Consumer<byte[]> action) {
        if (table == null) {
            forEach(action);
            return 0;
        }
        return table.scan(cursor, count, (k, v) -> action.accept(k));
    }

    /** A uniformly random member; the set must not be empty. */
    public byte[] random(RandomGenerator random) {
        if (table == null) {
            return Longs.bytes(ints[random.nextInt(intCount)]);
        }
        return table.keyAt(table.randomSlot(random));
    }

    /** Removes and returns a uniformly random member; the set must not be empty. */
    public byte[] pop(RandomGenerator random) {
        if (table == null) {
            int at = random.nextInt(intCount);
            long v = ints[at];
            removeIntAt(at);
            return Longs.bytes(v);
        }
        int slot = table.randomSlot(random);
        byte[] member = table.keyAt(slot);
        table.removeSlot(slot);
        return member;
    }
}
