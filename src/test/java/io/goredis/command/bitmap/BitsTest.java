package io.goredis.command.bitmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scans against a bit-by-bit model, at every alignment. */
class BitsTest {

    @Test
    void popcount_matchesBitByBit_everyStartAndLength() {
        Random random = new Random(1);
        for (int n = 0; n < 40; n++) {
            byte[] p = new byte[n];
            random.nextBytes(p);
            for (int from = 0; from <= n; from++) {
                for (int count = 0; from + count <= n; count++) {
                    assertEquals(naiveCount(p, from, count), Bits.popcount(p, from, count), n + "/" + from + "/" + count);
                }
            }
        }
    }

    @Test
    void popcount_allOnesAndZeros() {
        byte[] ones = new byte[1000];
        java.util.Arrays.fill(ones, (byte) 0xff);
        assertEquals(8000, Bits.popcount(ones, 0, 1000));
        assertEquals(7992, Bits.popcount(ones, 1, 999));
        assertEquals(0, Bits.popcount(new byte[1000], 0, 1000));
    }

    @Test
    void bitpos_matchesBitByBit_everyStartAndLength() {
        Random random = new Random(2);
        for (int n = 0; n < 40; n++) {
            byte[] p = new byte[n];
            // sparse, dense and mixed strings, so both kinds of bit are sometimes absent
            int kind = n % 3;
            for (int i = 0; i < n; i++) {
                p[i] = switch (kind) {
                    case 0 -> (byte) (random.nextInt(20) == 0 ? 1 << random.nextInt(8) : 0);
                    case 1 -> (byte) (random.nextInt(20) == 0 ? ~(1 << random.nextInt(8)) : 0xff);
                    default -> (byte) random.nextInt(256);
                };
            }
            for (int from = 0; from <= n; from++) {
                for (int count = 0; from + count <= n; count++) {
                    for (int bit = 0; bit <= 1; bit++) {
                        assertEquals(naivePos(p, from, count, bit), Bits.bitpos(p, from, count, bit),
                                n + "/" + from + "/" + count + "/" + bit);
                    }
                }
            }
        }
    }

    @Test
    void bitpos_noMatch_zeroPaddedForClearBits() {
        byte[] ones = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff};
        assertEquals(72, Bits.bitpos(ones, 0, 9, 0));
        assertEquals(-1, Bits.bitpos(new byte[9], 0, 9, 1));
        assertEquals(0, Bits.bitpos(new byte[0], 0, 0, 0));
        assertEquals(-1, Bits.bitpos(new byte[0], 0, 0, 1));
    }

    @Test
    void word_isBigEndian() {
        byte[] p = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(0x0203040506070809L, Bits.word(p, 1));
        Bits.putWord(p, 0, -1L);
        assertEquals(9, p[8]);
        assertEquals(-1, p[7]);
    }

    static long naiveCount(byte[] p, int from, int count) {
        long n = 0;
        for (long bit = from * 8L; bit < (from + count) * 8L; bit++) {
            n += BitInts.getUnsigned(p, bit, 1);
        }
        return n;
    }

    static long naivePos(byte[] p, int from, int count, int bit) {
        for (long b = 0; b < count * 8L; b++) {
            if (BitInts.getUnsigned(p, from * 8L + b, 1) == bit) {
                return b;
            }
        }
        return bit == 1 ? -1 : count * 8L;
    }
}
