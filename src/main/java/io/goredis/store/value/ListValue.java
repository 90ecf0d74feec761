package io.goredis.store.value;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A list of binary-safe elements: a growable ring of references, so pushes and pops at either end
 * are O(1) and reading an index is O(1); inserting or removing in the middle moves the shorter side.
 * Redis 7.0 keeps every list as a "quicklist" (OBJECT ENCODING), whatever its size. Mutable and not
 * thread-safe: see {@link Value} for who may change one.
 */
public final class ListValue implements Value {

    private static final long OVERHEAD = 40;
    /** Per element: the array header and its slot. */
    private static final long ELEMENT_OVERHEAD = 24;

    private byte[][] ring;
    private int head;
    private int size;
    private long payload;

    public ListValue() {
        ring = new byte[4][];
    }

    private ListValue(ListValue other) {
        ring = new byte[Math.max(4, Integer.highestOneBit(Math.max(1, other.size)) << 1)][];
        for (int i = 0; i < other.size; i++) {
            ring[i] = other.at(i);
        }
        size = other.size;
        payload = other.payload;
    }

    @Override
    public Type type() {
        return Type.LIST;
    }

    @Override
    public long weight() {
        return OVERHEAD + 8L * ring.length + ELEMENT_OVERHEAD * size + payload;
    }

    @Override
    public ListValue copy() {
        return new ListValue(this);
    }

    @Override
    public String encoding() {
        return "quicklist";
    }

    @Override
    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private int slot(int index) {
        return (head + index) & (ring.length - 1);
    }

    private byte[] at(int index) {
        return ring[slot(index)];
    }

    /** The element at {@code index} (0-based from the head); the caller checks the range. */
    public byte[] get(int index) {
        check(index);
        return at(index);
    }

    /** Replaces the element at {@code index} (kept, not copied). */
    public void set(int index, byte[] element) {
        check(index);
        int s = slot(index);
        payload += element.length - ring[s].length;
        ring[s] = element;
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
    }

    private void grow() {
        if (size == ring.length) {
            byte[][] bigger = new byte[ring.length << 1][];
            for (int i = 0; i < size; i++) {
                bigger[i] = at(i);
            }
            ring = bigger;
            head = 0;
        }
    }

    private void shrink() {
        if (ring.length > 16 && size < ring.length / 4) {
            byte[][] smaller = new byte[ring.length >> 1][];
            for (int i = 0; i < size; i++) {
                smaller[i] = at(i);
            }
            ring = smaller;
            head = 0;
        }
    }

    public void pushFront(byte[] element) {
        grow();
        head = (head - 1) & (ring.length - 1);
        ring[head] = element;
        size++;
        payload += element.length;
    }

    public void pushBack(byte[] element) {
        grow();
        ring[slot(size)] = element;
        size++;
        payload += element.length;
    }

    /** Removes and returns the head; the list must not be empty. */
    public byte[] popFront() {
        byte[] e = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        payload -= e.length;
        shrink();
        return e;
    }

    /** Removes and returns the tail; the list must not be empty. */
    public byte[] popBack() {
        int s = slot(size - 1);
        byte[] e = ring[s];
        ring[s] = null;
        size--;
        payload -= e.length;
        shrink();
        return e;
    }

    /** Inserts {@code element} before position {@code index} ({@code size()} appends). */
    public void insert(int index, byte[] element) {
        if (index < 0 || index > size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        if (index < size / 2) {
            pushFront(element); // makes room at the head; then move the front part one step back
            for (int i = 0; i < index; i++) {
                ring[slot(i)] = at(i + 1);
            }
        } else {
            pushBack(element); // makes room at the tail; then move the back part one step on
            for (int i = size - 1; i > index; i--) {
                ring[slot(i)] = at(i - 1);
            }
        }
        ring[slot(index)] = element;
    }

    /** Removes and returns the element at {@code index}. */
    public byte[] removeAt(int index) {
        check(index);
        byte[] e = at(index);
        if (index < size / 2) {
            for (int i = index; i > 0; i--) {
                ring[slot(i)] = at(i - 1);
            }
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
        } else {
            for (int i = index; i < size - 1; i++) {
                ring[slot(i)] = at(i + 1);
            }
            ring[slot(size - 1)] = null;
        }
        size--;
        payload -= e.length;
        shrink();
        return e;
    }

    /** Keeps only {@code [start, stop]} (inclusive, already clamped by the caller; start > stop empties it). */
    public void keepRange(int start, int stop) {
        if (start > stop || start >= size) {
            Arrays.fill(ring, null);
            head = 0;
            size = 0;
            payload = 0;
            shrink();
            return;
        }
        stop = Math.min(stop, size - 1);
        byte[][] kept = new byte[Math.max(4, Integer.highestOneBit(stop - start + 1) << 1)][];
        long p = 0;
        for (int i = start; i <= stop; i++) {
            kept[i - start] = at(i);
            p += kept[i - start].length;
        }
        ring = kept;
        head = 0;
        size = stop - start + 1;
        payload = p;
    }

    /** Elements {@code start..stop} (inclusive, in range) from the head. */
    public void forEach(int start, int stop, Consumer<byte[]> action) {
        for (int i = start; i <= stop; i++) {
            action.accept(at(i));
        }
    }

    /** Every element from the head. */
    public void forEach(Consumer<byte[]> action) {
        forEach(0, size - 1, action);
    }
}
