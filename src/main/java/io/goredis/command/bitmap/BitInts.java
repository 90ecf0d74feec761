package io.goredis.command.bitmap;

/**
 * BITFIELD's integers: signed fields of 1..64 bits and unsigned fields of 1..63 bits at any bit
 * offset, most significant bit first (bit 0 is the top bit of byte 0, as SETBIT numbers them), and
 * Redis's overflow rules for SET and INCRBY. A port of {@code getUnsignedBitfield},
 * {@code setUnsignedBitfield}, {@code checkUnsignedBitfieldOverflow} and their signed twins from
 * Redis's {@code bitops.c}; Java's wrapping {@code long} arithmetic stands in for C's
 * {@code uint64_t}, so the results match bit for bit, quirks included.
 */
final class BitInts {

    private BitInts() {}

    /** The unsigned field of {@code bits} bits at bit {@code offset}; bytes past the end read as 0. */
    static long getUnsigned(byte[] p, long offset, int bits) {
        long value = 0;
        for (int j = 0; j < bits; j++, offset++) {
            long index = offset >>> 3;
            int b = index < p.length ? p[(int) index] & 0xff : 0;
            value = (value << 1) | ((b >>> (7 - (int) (offset & 7))) & 1);
        }
        return value;
    }

    /** The signed (two's complement) field of {@code bits} bits at bit {@code offset}. */
    static long getSigned(byte[] p, long offset, int bits) {
        long value = getUnsigned(p, offset, bits);
        if (bits < 64 && (value & (1L << (bits - 1))) != 0) {
            value |= -1L << bits; // propagate the sign bit
        }
        return value;
    }

    /**
     * Writes the low {@code bits} bits of {@code value} at bit {@code offset}; the field must lie
     * within {@code p}. Signed and unsigned fields are written alike (two's complement).
     */
    static void set(byte[] p, long offset, int bits, long value) {
        for (int j = 0; j < bits; j++, offset++) {
            int bit = (int) ((value >>> (bits - 1 - j)) & 1);
            int index = (int) (offset >>> 3);
            int shift = 7 - (int) (offset & 7);
            p[index] = (byte) ((p[index] & ~(1 << shift)) | (bit << shift));
        }
    }

    /**
     * Whether {@code value + incr} fits an unsigned field of {@code bits} bits, {@code value} read as
     * unsigned: 0 if it does, 1 on overflow (also when {@code value} itself is too large), -1 on
     * underflow.
     */
    static int checkUnsigned(long value, long incr, int bits) {
        long max = maxUnsigned(bits);
        long maxIncr = max - value;
        long minIncr = -value;
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxIncr)) {
            return 1;
        }
        if (incr < 0 && incr < minIncr) {
            return -1;
        }
        return 0;
    }

    /**
     * Whether {@code value + incr} fits a signed field of {@code bits} bits: 0, 1 (overflow) or -1
     * (underflow). As in Redis, the limits are computed with wrapping arithmetic before the range of
     * {@code value} is known, so a {@code value} far below the minimum of a narrow field (SET i8 to
     * -2^63) counts as an overflow, not an underflow.
     */
    static int checkSigned(long value, long incr, int bits) {
        long max = maxSigned(bits);
        long min = -max - 1;
        long maxIncr = max - value;
        long minIncr = min - value;
        if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
            return 1;
        }
        if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
            return -1;
        }
        return 0;
    }

    /**
     * What to store for {@code value + incr} in an unsigned field under {@code overflow}, or null
     * when the result does not fit and {@code overflow} is FAIL. A SET is {@code add(new, 0)}.
     */
    static Long addUnsigned(long value, long incr, int bits, Overflow overflow) {
        int check = checkUnsigned(value, incr, bits);
        if (check == 0) {
            return value + incr;
        }
        return switch (overflow) {
            case WRAP -> bits < 64 ? (value + incr) & ~(-1L << bits) : value + incr;
            case SAT -> check > 0 ? maxUnsigned(bits) : 0L;
            case FAIL -> null;
        };
    }

    /** As {@link #addUnsigned} for a signed field: WRAP keeps the low bits, sign-extended. */
    static Long addSigned(long value, long incr, int bits, Overflow overflow) {
        int check = checkSigned(value, incr, bits);
        if (check == 0) {
            return value + incr;
        }
        return switch (overflow) {
            case WRAP -> wrapSigned(value + incr, bits);
            case SAT -> check > 0 ? maxSigned(bits) : -maxSigned(bits) - 1;
            case FAIL -> null;
        };
    }

    private static long wrapSigned(long c, int bits) {
        if (bits == 64) {
            return c;
        }
        long mask = -1L << bits;
        return (c & (1L << (bits - 1))) != 0 ? c | mask : c & ~mask;
    }

    private static long maxUnsigned(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    private static long maxSigned(int bits) {
        return bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    }
}
