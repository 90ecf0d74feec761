package io.goredis.command.script;

import java.util.Arrays;

/**
 * LZF, ported from Redis's {@code lzf_c.c} and {@code lzf_d.c} (liblzf 3.6 as Redis builds it:
 * {@code HLOG 16}, {@code VERY_FAST 1}, {@code ULTRA_FAST 0}, {@code CHECK_INPUT 1}).
 *
 * <p>{@link FunctionDump} calls it for RDB strings of more than 20 bytes. The compressor must produce
 * the very bytes Redis produces, or FUNCTION DUMP would differ from Redis's, so it keeps every
 * detail of the C code: the hash (which, through the 32-bit {@code hval}, also sees the byte
 * before the three it is meant for), the rule that offset 0 is never referenced, the 16-step
 * unrolled match loop that may run two bytes past {@code maxlen}, the re-hash of only the last two
 * positions of a match, and the conservative "does it still fit" checks that make it give up (return
 * 0) even when the result would just have fitted. Redis's table is left uninitialised on the stack;
 * ours starts zeroed, which behaves like a fresh table because slot value 0 (offset 0) can never match.
 *
 * <p>Compressed format: {@code 000LLLLL} + L+1 literal bytes; {@code LLLooooo oooooooo} a back
 * reference of L+2 bytes at distance o+1; {@code 111ooooo LLLLLLLL oooooooo} the same with L+9 bytes.
 */
final class Lzf {

    private static final int HLOG = 16;
    private static final int HSIZE = 1 << HLOG;
    private static final int MAX_LIT = 1 << 5;
    private static final int MAX_OFF = 1 << 13;
    private static final int MAX_REF = (1 << 8) + (1 << 3);

    private Lzf() {}

    /**
     * {@code lzf_compress(in, in.length, out, outLen)}: compresses {@code in} into at most
     * {@code outLen} bytes and returns them, or {@code null} where the C function returns 0 (empty
     * input, or it does not fit).
     */
    static byte[] compress(byte[] in, int outLen) {
        int inEnd = in.length;
        if (inEnd == 0 || outLen <= 0) {
            return null;
        }
        byte[] out = new byte[outLen];
        int outEnd = outLen;
        int[] htab = new int[HSIZE];
        int ip = 0;
        int op = 1; // room for the first literal run's header
        int lit = 0;
        int hval = first(in, ip);

        while (ip < inEnd - 2) {
            hval = next(hval, in, ip);
            int slot = idx(hval);
            int ref = htab[slot];
            htab[slot] = ip;
            int off = ip - ref - 1; // unsigned in C: a "ref" at or after ip is far out of range

            if (off >= 0 && off < MAX_OFF
                    && ref > 0
                    && in[ref + 2] == in[ip + 2] && in[ref] == in[ip] && in[ref + 1] == in[ip + 1]) {
                int len = 2;
                int maxlen = Math.min(inEnd - ip - len, MAX_REF);

                // A fast conservative test, then the exact one (the run header may be undone).
                if (op + 3 + 1 >= outEnd && op - (lit == 0 ? 1 : 0) + 3 + 1 >= outEnd) {
                    return null;
                }
                out[op - lit - 1] = (byte) (lit - 1); // stop run
                if (lit == 0) {
                    op--; // undo the empty run
                }

                search:
                {
                    if (maxlen > 16) { // the C loop is unrolled 16 times with no maxlen check
                        for (int i = 0; i < 16; i++) {
                            len++;
                            if (in[ref + len] != in[ip + len]) {
                                break search;
                            }
                        }
                    }
                    do {
                        len++;
                    } while (len < maxlen && in[ref + len] == in[ip + len]);
                }

                len -= 2; // now the number of octets - 2, as the format stores it
                ip++;
                if (len < 7) {
                    out[op++] = (byte) ((off >>> 8) + (len << 5));
                } else {
                    out[op++] = (byte) ((off >>> 8) + (7 << 5));
                    out[op++] = (byte) (len - 7);
                }
                out[op++] = (byte) off;
                lit = 0;
                op++; // start run

                ip += len + 1;
                if (ip >= inEnd - 2) {
                    break;
                }

                // VERY_FAST: hash only the last two positions of the match.
                ip -= 2;
                hval = first(in, ip);
                hval = next(hval, in, ip);
                htab[idx(hval)] = ip;
                ip++;
                hval = next(hval, in, ip);
                htab[idx(hval)] = ip;
                ip++;
            } else {
                if (op >= outEnd) {
                    return null;
                }
                lit++;
                out[op++] = in[ip++];
                if (lit == MAX_LIT) {
                    out[op - lit - 1] = (byte) (lit - 1); // stop run
                    lit = 0;
                    op++; // start run
                }
            }
        }

        if (op + 3 > outEnd) { // at most 3 bytes can be missing here
            return null;
        }
        while (ip < inEnd) {
            lit++;
            out[op++] = in[ip++];
            if (lit == MAX_LIT) {
                out[op - lit - 1] = (byte) (lit - 1);
                lit = 0;
                op++;
            }
        }
        out[op - lit - 1] = (byte) (lit - 1); // end run
        if (lit == 0) {
            op--;
        }
        return Arrays.copyOf(out, op);
    }

    /**
     * {@code lzf_decompress(in + off, len, out, out.length)}: the number of bytes written to
     * {@code out}, or 0 when the input is corrupt or would not fit in {@code out}. Callers compare
     * the result with the length they expect, as Redis does. Empty input gives 0 (the C code would
     * read one byte past it, and every path from there returns 0 too).
     */
    static int decompress(byte[] in, int off, int len, byte[] out) {
        if (len == 0) {
            return 0;
        }
        int ip = off;
        int inEnd = off + len;
        int op = 0;
        int outEnd = out.length;
        do {
            int ctrl = in[ip++] & 0xff;
            if (ctrl < (1 << 5)) { // literal run
                ctrl++;
                if (op + ctrl > outEnd || ip + ctrl > inEnd) {
                    return 0;
                }
                System.arraycopy(in, ip, out, op, ctrl);
                ip += ctrl;
                op += ctrl;
            } else { // back reference
                int refLen = ctrl >>> 5;
                int ref = op - ((ctrl & 0x1f) << 8) - 1;
                if (ip >= inEnd) {
                    return 0;
                }
                if (refLen == 7) {
                    refLen += in[ip++] & 0xff;
                    if (ip >= inEnd) {
                        return 0;
                    }
                }
                ref -= in[ip++] & 0xff;
                if (op + refLen + 2 > outEnd || ref < 0) {
                    return 0;
                }
                for (int i = 0; i < refLen + 2; i++) { // byte by byte: source and target may overlap
                    out[op++] = out[ref++];
                }
            }
        } while (ip < inEnd);
        return op;
    }

    // FRST, NEXT and IDX from lzf_c.c, on C's 32-bit unsigned int.
    private static int first(byte[] in, int p) {
        return ((in[p] & 0xff) << 8) | (p + 1 < in.length ? in[p + 1] & 0xff : 0);
    }

    private static int next(int v, byte[] in, int p) {
        return (v << 8) | (in[p + 2] & 0xff);
    }

    private static int idx(int h) {
        return ((h >>> (3 * 8 - HLOG)) - h * 5) & (HSIZE - 1); // the VERY_FAST variant
    }
}
