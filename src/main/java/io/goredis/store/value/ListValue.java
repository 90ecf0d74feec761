package io.goredis.store.value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A list of binary-safe elements, kept as Redis keeps one: a sequence of small packed chunks
 * (its "quicklist" of listpacks), each up to {@link #CHUNK_BYTES} bytes, so an element costs its
 * bytes and a length byte or two rather than an object of its own. Pushes and pops at either end
 * touch only the end chunk; reaching index {@code i} walks chunks from the nearer end, and a cursor
 * remembers the last position, so a scan by consecutive indexes (LPOS, LREM, LINSERT) stays O(n).
 * OBJECT ENCODING is "quicklist", as Redis 7.0 answers for every list. Mutable and not
 * thread-safe: see {@link Value} for who may change one.
 */
public final class ListValue implements Value {

    /** Largest chunk before a new one starts (a single larger element gets a chunk of its own). */
    static final int CHUNK_BYTES = 2048;
    private static final long OVERHEAD = 48;
    /** Per chunk: the Packed object, its array header and its slot in the chunk list. */
    private static final long CHUNK_OVERHEAD = 56;

    private final ArrayList<Packed> chunks;
    private int size;
    private long bytes; // sum of the chunks' array lengths

    // cursor: element cursorIndex is at cursorOff in chunk cursorChunk, whose first element is cursorFirst
    private int cursorChunk = -1;
    private int cursorFirst;
    private int cursorIndex;
    private int cursorOff;

    public ListValue() {
        chunks = new ArrayList<>(2);
    }

    private ListValue(ListValue other) {
        chunks = new ArrayList<>(other.chunks.size());
        for (Packed c : other.chunks) {
            chunks.add(c.copy());
        }
        size = other.size;
        bytes = other.bytes;
    }

    @Override
    public Type type() {
        return Type.LIST;
    }

    @Override
    public long weight() {
        return OVERHEAD + CHUNK_OVERHEAD * chunks.size() + bytes;
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

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
    }

    /** Points the cursor at element {@code index} (in range). */
    private void seek(int index) {
        if (cursorChunk >= 0 && index >= cursorFirst && index < cursorFirst + chunks.get(cursorChunk).count()) {
            Packed c = chunks.get(cursorChunk);
            if (index < cursorIndex) {
                cursorIndex = cursorFirst;
                cursorOff = 0;
            }
            while (cursorIndex < index) {
                cursorOff = c.next(cursorOff);
                cursorIndex++;
            }
            return;
        }
        int ci;
        int first;
        if (index < size / 2) {
            ci = 0;
            first = 0;
            while (first + chunks.get(ci).count() <= index) {
                first += chunks.get(ci).count();
                ci++;
            }
        } else {
            ci = chunks.size() - 1;
            first = size - chunks.get(ci).count();
            while (first > index) {
                ci--;
                first -= chunks.get(ci).count();
            }
        }
        cursorChunk = ci;
        cursorFirst = first;
        cursorIndex = first;
        cursorOff = 0;
        Packed c = chunks.get(ci);
        while (cursorIndex < index) {
            cursorOff = c.next(cursorOff);
            cursorIndex++;
        }
    }

    private void moved() {
        cursorChunk = -1;
    }

    /** The element at {@code index} (0-based from the head). */
    public byte[] get(int index) {
        check(index);
        seek(index);
        return chunks.get(cursorChunk).bytesAt(cursorOff);
    }

    /** Replaces the element at {@code index}. */
    public void set(int index, byte[] element) {
        check(index);
        seek(index);
        Packed c = chunks.get(cursorChunk);
        long before = c.weight();
        c.replace(cursorOff, element);
        bytes += c.weight() - before;
        moved();
    }

    public void pushFront(byte[] element) {
        insert(0, element);
    }

    public void pushBack(byte[] element) {
        insert(size, element);
    }

    /** Removes and returns the head; the list must not be empty. */
    public byte[] popFront() {
        return removeAt(0);
    }

    /** Removes and returns the tail; the list must not be empty. */
    public byte[] popBack() {
        return removeAt(size - 1);
    }

    private static int need(byte[] element) {
        return Packed.varintSize(element.length) + element.length;
    }

    /** Inserts {@code element} before position {@code index} ({@code size()} appends). */
    public void insert(int index, byte[] element) {
        if (index < 0 || index > size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        int n = need(element);
        if (chunks.isEmpty()) {
            chunks.add(new Packed(0, true));
        }
        int ci;
        int off;
        if (index == size) {
            ci = chunks.size() - 1;
            off = chunks.get(ci).end();
        } else {
            seek(index);
            ci = cursorChunk;
            off = cursorOff;
        }
        Packed c = chunks.get(ci);
        if (c.end() + n > CHUNK_BYTES && c.count() > 0) {
            if (off == c.end()) {              // at a chunk's end: start the next chunk
                ci++;
                chunks.add(ci, c = new Packed(0, true));
                off = 0;
            } else if (off == 0) {             // at a chunk's start: a chunk before it
                chunks.add(ci, c = new Packed(0, true));
            } else {                           // in the middle: split it at the insertion point
                Packed tail = new Packed(0, true);
                int o = off;
                while (o < c.end()) {
                    tail.append(c.bytesAt(o));
                    o = c.next(o);
                }
                long before = c.weight();
                c.remove(off, tail.count());
                bytes += c.weight() - before + tail.weight();
                chunks.add(ci + 1, tail);
            }
        }
        long before = c.weight();
        c.insert(off, element);
        bytes += c.weight() - before;
        size++;
        moved();
    }

    /** Removes and returns the element at {@code index}. */
    public byte[] removeAt(int index) {
        check(index);
        seek(index);
        Packed c = chunks.get(cursorChunk);
        byte[] e = c.bytesAt(cursorOff);
        long before = c.weight();
        c.remove(cursorOff, 1);
        if (c.count() == 0) {
            chunks.remove(cursorChunk);
            bytes -= before;
        } else {
            bytes += c.weight() - before;
        }
        size--;
        moved();
        return e;
    }

    /** Keeps only {@code [start, stop]} (inclusive, clamped by the caller; start > stop empties it). */
    public void keepRange(int start, int stop) {
        List<byte[]> kept = new ArrayList<>();
        if (start <= stop && start < size) {
            forEach(start, Math.min(stop, size - 1), kept::add);
        }
        chunks.clear();
        size = 0;
        bytes = 0;
        moved();
        for (byte[] e : kept) {
            pushBack(e);
        }
    }

    /** Elements {@code start..stop} (inclusive, in range) from the head. */
    public void forEach(int start, int stop, Consumer<byte[]> action) {
        if (start > stop) {
            return;
        }
        check(start);
        check(stop);
        seek(start);
        int ci = cursorChunk;
        int off = cursorOff;
        for (int i = start; i <= stop; i++) {
            Packed c = chunks.get(ci);
            if (off >= c.end()) {
                c = chunks.get(++ci);
                off = 0;
            }
            action.accept(c.bytesAt(off));
            off = c.next(off);
        }
    }

    /** Every element from the head. */
    public void forEach(Consumer<byte[]> action) {
        for (Packed c : chunks) {
            for (int off = 0; off < c.end(); off = c.next(off)) {
                action.accept(c.bytesAt(off));
            }
        }
    }
}
