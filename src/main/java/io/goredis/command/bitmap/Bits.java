package io.goredis.command.bitmap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whole-string bit scans for BITCOUNT, BITPOS and BITOP: Redis's {@code redisPopcount} and
 * {@code redisBitpos}, eight bytes at a time. Bit 0 is the most significant bit of byte 0, as in
 * every Redis bit command.
 */
final class Bits {

    /** Big-endian 8-byte words: the first byte is the most significant, so bit order is preserved. */
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bits() {}

    /** The 8-byte word of {@code p} at byte {@code index}, byte {@code index} most significant. */
    static long word(byte[] p, int index) {
        return (long) WORD.get(p, index);
    }

    static void putWord(byte[] p, int index, long value) {
        WORD.set(p, index, value);
    }

    /** Number of set bits in {@code p[from .. from+count)}. */
    static long popcount(byte[] p, int from, int count) {
        long bits = 0;
        int i = from;
        int end = from + count;
        for (; i + 8 <= end; i += 8) {
            bits += Long.bitCount(word(p, i));
        }
        for (; i < end; i++) {
            bits += Integer.bitCount(p[i] & 0xff);
        }
        return bits;
    }

    /**
     * As Redis's {@code redisBitpos}: the position, relative to {@code from}, of the first bit equal
     * to {@code bit} in {@code p[from .. from+count)}. When looking for a 0 and finding none, the
     * string counts as zero-padded on the right: {@code count * 8}. When looking for a 1 and finding
     * none: -1.
     */
    static long bitpos(byte[] p, int from, int count, int bit) {
        long skip = bit == 1 ? 0L : -1L;
        int i = from;
        int end = from + count;
        for (; i + 8 <= end; i += 8) {
            long w = word(p, i);
            if (w != skip) {
                return (long) (i - from) * 8 + Long.numberOfLeadingZeros(bit == 1 ? w : ~w);
            }
        }
        for (; i < end; i++) {
            int b = p[i] & 0xff;
            int wanted = bit == 1 ? b : ~b & 0xff;
            if (wanted != 0) {
                return (long) (i - from) * 8 + Integer.numberOfLeadingZeros(wanted) - 24;
            }
        }
        return bit == 1 ? -1 : (long) count * 8;
    }
}
