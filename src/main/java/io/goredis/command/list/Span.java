package io.goredis.command.list;

/**
 * Redis's list index rules ({@code t_list.c}): an index counts from the head from 0, a negative
 * one from the tail from -1. A span is the inclusive range {@code [start, stop]} that LRANGE and
 * LTRIM keep of a {@code [start, stop]} request, already inside the list.
 */
record Span(int start, int stop) {

    /**
     * The elements of a list of {@code size} that {@code [start, stop]} names, clamped as
     * {@code addListRangeReply} and {@code ltrimCommand} do; null when it names none.
     */
    static Span of(long start, long stop, long size) {
        if (start < 0) {
            start += size;
        }
        if (stop < 0) {
            stop += size;
        }
        if (start < 0) {
            start = 0;
        }
        if (start > stop || start >= size) {
            return null;
        }
        if (stop >= size) {
            stop = size - 1;
        }
        return new Span((int) start, (int) stop);
    }

    /** {@code index} as a position in a list of {@code size}, or -1 when it is outside. */
    static int index(long index, long size) {
        if (index < 0) {
            index += size;
        }
        return index < 0 || index >= size ? -1 : (int) index;
    }

    int length() {
        return stop - start + 1;
    }
}
