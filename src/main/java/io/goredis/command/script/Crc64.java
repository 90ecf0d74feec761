package io.goredis.command.script;

/**
 * Redis's CRC-64 ({@code crc64.c}): the Jones polynomial {@code 0xad93d23594c935a9}, reflected,
 * initial value 0 and no final xor, so {@code crc64("123456789") == 0xe9c6d914c4b8d9caL}.
 *
 * <p>{@link FunctionDump} calls it to sign and check the last 8 bytes of a FUNCTION DUMP payload
 * (stored little-endian). Payloads are library sources, a few KB, so one 256-entry table is enough;
 * Redis's multi-table crcspeed only changes the speed, not the value.
 */
final class Crc64 {

    /** The Jones polynomial, bit-reversed (the table is for a right-shifting CRC). */
    private static final long POLY_REFLECTED = 0x95ac9329ac4bc9b5L;

    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY_REFLECTED : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc64() {}

    /** Continues {@code crc} over {@code data[off, off + len)}; start with {@code crc = 0}. */
    static long update(long crc, byte[] data, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            crc = TABLE[(int) (crc ^ data[i]) & 0xff] ^ (crc >>> 8);
        }
        return crc;
    }
}
