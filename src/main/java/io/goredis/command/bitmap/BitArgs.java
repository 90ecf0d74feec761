package io.goredis.command.bitmap;

import io.goredis.command.Args;
import io.goredis.command.CommandException;
import io.goredis.protocol.RequestReader;
import java.util.Arrays;

/**
 * Argument parsing shared by the bit commands, with Redis's error texts: bit offsets (limited to
 * proto-max-bulk-len bytes, with BITFIELD's {@code #N} form), BITFIELD types, and keywords compared
 * the way {@code strcasecmp} compares them (ASCII case-insensitive, up to the first NUL byte).
 */
final class BitArgs {

    static final String BAD_OFFSET = "ERR bit offset is not an integer or out of range";
    static final String BAD_TYPE =
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";

    /** proto-max-bulk-len: a bit offset must address a byte below it. */
    static final long MAX_BYTES = RequestReader.DEFAULT_MAX_BULK;

    private BitArgs() {}

    /**
     * A bit offset as {@code getBitOffsetFromArgument}: a non-negative integer whose byte lies
     * below 512 MB. With {@code bits > 0} (BITFIELD) {@code #N} means {@code N * bits}; the
     * multiplication wraps as in C and is checked afterwards.
     */
    static long bitOffset(byte[] arg, int bits) {
        int skip = bits > 0 && arg.length > 0 && arg[0] == '#' ? 1 : 0;
        byte[] digits = skip == 0 ? arg : Arrays.copyOfRange(arg, 1, arg.length);
        Long offset = Args.tryParseLong(digits);
        if (offset == null) {
            throw new CommandException(BAD_OFFSET);
        }
        long value = skip == 1 ? offset * bits : offset;
        if (value < 0 || (value >> 3) >= MAX_BYTES) {
            throw new CommandException(BAD_OFFSET);
        }
        return value;
    }

    /** A BITFIELD type: {@code i1..i64} or {@code u1..u63}, lower-case prefix only. */
    record Type(boolean signed, int bits) {}

    static Type type(byte[] arg) {
        int len = cLength(arg); // Redis parses the width with strlen()
        if (len == 0 || (arg[0] != 'i' && arg[0] != 'u')) {
            throw new CommandException(BAD_TYPE);
        }
        boolean signed = arg[0] == 'i';
        Long bits = Args.tryParseLong(Arrays.copyOfRange(arg, 1, len));
        if (bits == null || bits < 1 || bits > (signed ? 64 : 63)) {
            throw new CommandException(BAD_TYPE);
        }
        return new Type(signed, bits.intValue());
    }

    /** True if {@code arg} equals the lower-case ASCII {@code keyword} as C's strcasecmp sees it. */
    static boolean is(byte[] arg, String keyword) {
        int len = cLength(arg);
        if (len != keyword.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int c = arg[i] & 0xff;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The length up to the first NUL byte, as C sees a string. */
    private static int cLength(byte[] arg) {
        for (int i = 0; i < arg.length; i++) {
            if (arg[i] == 0) {
                return i;
            }
        }
        return arg.length;
    }
}
