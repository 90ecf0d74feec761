package io.goredis.store.value;

import io.goredis.store.ByteHash;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * An open-addressing hash table of byte-string keys, each with an optional byte-string value: the
 * "hashtable" encoding of large hashes (with values) and sets (without). Linear probing with
 * backward-shift deletion, so a key always sits in the run of occupied slots that starts at its
 * home slot ({@code hash & mask}); that is what lets {@link #scan} walk home slots with Redis's
 * reverse-binary cursor and keep SCAN's guarantee (every key present for the whole scan is
 * returned at least once) across growth and shrinking.
 *
 * <p>Two parallel arrays of references and nothing per entry beyond the key and value arrays:
 * about 16 bytes of table per entry at the usual load, close to Redis's dictEntry. Not
 * thread-safe: the store serialises writers and readers of one value.
 */
final class ByteTable {

    private static final int MIN_CAPACITY = 8;
    /** Per entry: the key and value array headers (16 bytes each) and two table slots. */
    static final long ENTRY_OVERHEAD = 48;

    private byte[][] keys;
    private byte[][] values; // null for a set or a sorted set's member table
    private double[] scores; // a sorted set's member table only
    private int size;
    private long payload; // key and value bytes

    ByteTable(boolean withValues, int expected) {
        int cap = MIN_CAPACITY;
        while (cap * 3L / 4 < expected) {
            cap <<= 1;
        }
        keys = new byte[cap][];
        values = withValues ? new byte[cap][] : null;
    }

    /** A table of byte-string keys each with a double: a sorted set's member-to-score map. */
    static ByteTable scored(int expected) {
        ByteTable t = new ByteTable(false, expected);
        t.scores = new double[t.keys.length];
        return t;
    }

    private ByteTable(ByteTable other) {
        keys = other.keys.clone();
        values = other.values == null ? null : other.values.clone();
        scores = other.scores == null ? null : other.scores.clone();
        size = other.size;
        payload = other.payload;
    }

    /** A copy sharing the (immutable) key and value arrays. */
    ByteTable copy() {
        return new ByteTable(this);
    }

    int size() {
        return size;
    }

    long weight() {
        return 32 + 8L * keys.length * (values == null && scores == null ? 1 : 2) + ENTRY_OVERHEAD * size + payload;
    }

    static int hash(byte[] key) {
        return ByteHash.of(key);
    }

    /** The slot holding {@code key}, or a negative number when absent. */
    int slotOf(byte[] key) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (true) {
            byte[] k = keys[i];
            if (k == null) {
                return -1 - i;
            }
            if (k.length == key.length && Arrays.equals(k, key)) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    boolean contains(byte[] key) {
        return slotOf(key) >= 0;
    }

    /** The value of {@code key}, or null when absent (or when the table holds no values). */
    byte[] get(byte[] key) {
        int i = slotOf(key);
        return i < 0 || values == null ? null : values[i];
    }

    /** Adds or replaces; true if {@code key} was new. The arrays are kept, not copied. */
    boolean put(byte[] key, byte[] value) {
        int i = slotOf(key);
        if (i >= 0) {
            if (values != null) {
                payload += value.length - values[i].length;
                values[i] = value;
            }
            return false;
        }
        if ((size + 1) * 4L > keys.length * 3L) {
            resize(keys.length << 1);
            i = slotOf(key);
        }
        i = -1 - i;
        keys[i] = key;
        payload += key.length;
        if (values != null) {
            values[i] = value;
            payload += value.length;
        }
        size++;
        return true;
    }

    /** The score in {@code slot} (a slot {@link #slotOf} found) of a scored table. */
    double scoreAt(int slot) {
        return scores[slot];
    }

    /** Adds or rescores {@code key} in a scored table; true if it was new. The key is kept, not copied. */
    boolean putScore(byte[] key, double score) {
        int i = slotOf(key);
        if (i >= 0) {
            scores[i] = score;
            return false;
        }
        if ((size + 1) * 4L > keys.length * 3L) {
            resize(keys.length << 1);
            i = slotOf(key);
        }
        i = -1 - i;
        keys[i] = key;
        scores[i] = score;
        payload += key.length;
        size++;
        return true;
    }

    /** Removes {@code key}; true if it was present. */
    boolean remove(byte[] key) {
        int i = slotOf(key);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        if (size * 8L < keys.length && keys.length > MIN_CAPACITY) {
            resize(keys.length >>> 1);
        }
        return true;
    }

    private void removeAt(int i) {
        payload -= keys[i].length + (values == null ? 0 : values[i].length);
        size--;
        int mask = keys.length - 1;
        // backward-shift: move later members of the run into the hole when their home allows it
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            byte[] k = keys[j];
            if (k == null) {
                break;
            }
            int home = hash(k) & mask;
            // k may move to hole iff home is not in (hole, j] cyclically
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = k;
                if (values != null) {
                    values[hole] = values[j];
                }
                if (scores != null) {
                    scores[hole] = scores[j];
                }
                hole = j;
            }
        }
        keys[hole] = null;
        if (values != null) {
            values[hole] = null;
        }
    }

    private void resize(int capacity) {
        byte[][] oldKeys = keys;
        byte[][] oldValues = values;
        double[] oldScores = scores;
        keys = new byte[capacity][];
        values = oldValues == null ? null : new byte[capacity][];
        scores = oldScores == null ? null : new double[capacity];
        int mask = capacity - 1;
        for (int s = 0; s < oldKeys.length; s++) {
            byte[] k = oldKeys[s];
            if (k != null) {
                int i = hash(k) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                if (values != null) {
                    values[i] = oldValues[s];
                }
                if (scores != null) {
                    scores[i] = oldScores[s];
                }
            }
        }
    }

    /** Every entry, in table order ({@code value} is null for a set). */
    void forEach(BiConsumer<byte[], byte[]> action) {
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != null) {
                action.accept(keys[s], values == null ? null : values[s]);
            }
        }
    }

    /** A uniformly random occupied slot; the table must not be empty. */
    int randomSlot(RandomGenerator random) {
        // the table is at least 1/8 full (it shrinks below that), so this ends quickly
        while (true) {
            int s = random.nextInt(keys.length);
            if (keys[s] != null) {
                return s;
            }
        }
    }

    byte[] keyAt(int slot) {
        return keys[slot];
    }

    byte[] valueAt(int slot) {
        return values == null ? null : values[slot];
    }

    /** Removes the entry in {@code slot} (from {@link #randomSlot}). */
    void removeSlot(int slot) {
        removeAt(slot);
        if (size * 8L < keys.length && keys.length > MIN_CAPACITY) {
            resize(keys.length >>> 1);
        }
    }

    /**
     * One step of SCAN from {@code cursor}: visits home slots in Redis's reverse-binary order until
     * at least {@code count} entries were handed to {@code action} or the walk is complete, and
     * returns the next cursor (0 when complete).
     */
    long scan(long cursor, int count, BiConsumer<byte[], byte[]> action) {
        return scanSlots(cursor, count, slot -> action.accept(keys[slot], values == null ? null : values[slot]));
    }

    /** {@link #scan}, handing over slots (for {@link #keyAt} and {@link #scoreAt}). */
    long scanSlots(long cursor, int count, IntConsumer action) {
        long mask = keys.length - 1;
        long v = cursor;
        int emitted = 0;
        long steps = 0;
        do {
            emitted += emitHome((int) (v & mask), action);
            v |= ~mask;
            v = Long.reverse(v);
            v++;
            v = Long.reverse(v);
            steps++;
        } while (v != 0 && emitted < count && steps < Math.max(count, 1) * 10L); // long: COUNT may be huge
        return v;
    }

    private int emitHome(int home, IntConsumer action) {
        int mask = keys.length - 1;
        int n = 0;
        for (int i = home; keys[i] != null; i = (i + 1) & mask) {
            if ((hash(keys[i]) & mask) == home) {
                action.accept(i);
                n++;
            }
            if (((i + 1) & mask) == home) {
                break;
            }
        }
        return n;
    }
}
