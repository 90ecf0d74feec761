package io.goredis.command.bitmap;

/**
 * A BITCOUNT / BITPOS range resolved against a string of {@code strlen} bytes, as
 * {@code bitcountCommand} and {@code bitposCommand} compute it: negative indexes count from the
 * end, both ends are clamped into the string, and a BIT range becomes the bytes it touches plus
 * masks of the bits outside it in the first and last byte ({@code firstMask} has the leading bits
 * before the range set, {@code lastMask} the trailing bits after it). {@code start > end} means
 * empty.
 */
record BitRange(long start, long end, int firstMask, int lastMask) {

    static BitRange resolve(long start, long end, long strlen, boolean bit) {
        long total = bit ? strlen << 3 : strlen;
        if (start < 0) {
            start = total + start;
        }
        if (end < 0) {
            end = total + end;
        }
        if (start < 0) {
            start = 0;
        }
        if (end < 0) {
            end = 0;
        }
        if (end >= total) {
            end = total - 1;
        }
        if (bit && start <= end) {
            int firstMask = ~((1 << (8 - (int) (start & 7))) - 1) & 0xff;
            int lastMask = (1 << (7 - (int) (end & 7))) - 1;
            return new BitRange(start >> 3, end >> 3, firstMask, lastMask);
        }
        return new BitRange(start, end, 0, 0);
    }

    /** The whole string, no masks. */
    static BitRange whole(long strlen) {
        return new BitRange(0, strlen - 1, 0, 0);
    }

    boolean isEmpty() {
        return start > end;
    }
}
