package io.goredis.command.script;

import io.goredis.command.CommandException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The FUNCTION DUMP / FUNCTION RESTORE payload of Redis 7.0, byte for byte
 * ({@code functions.c}, {@code rdb.c}, {@code cluster.c} verifyDumpPayload):
 *
 * <pre>
 *   ( 0xF5 RDB_OPCODE_FUNCTION2, library code as an RDB string )*
 *   RDB version, 2 bytes little-endian (10)
 *   CRC-64 of everything before, 8 bytes little-endian
 * </pre>
 *
 * The code is the whole source given to FUNCTION LOAD, shebang included. RDB strings are written as
 * {@code rdbSaveRawString} writes them: a canonical integer of up to 11 characters that fits in 32
 * bits as {@code 0xC0..0xC2} + 1, 2 or 4 bytes; more than 20 bytes as {@code 0xC3}, compressed length,
 * original length and {@link Lzf} data when that saves at least 4 bytes; anything else as length +
 * bytes. Restore also reads the pre-GA entry {@code 0xF6 RDB_OPCODE_FUNCTION} (name, engine, a
 * description flag, an optional description, the body) and turns it into
 * {@code "#!<engine> name=<name>\n<body>"}, as 7.0.15 does.
 *
 * <p>Called by the FUNCTION DUMP and FUNCTION RESTORE commands, which own the library registry,
 * the restore policies and the order of the libraries (Redis's order is its dict's, different in
 * each process).
 */
public final class FunctionDump {

    /** RDB_VERSION of Redis 7.0: written by dump, the highest that restore accepts. */
    static final int RDB_VERSION = 10;

    static final String BAD_PAYLOAD = "ERR DUMP payload version or checksum are wrong";
    static final String NOT_A_FUNCTION = "ERR given type is not a function";
    static final String BAD_LIBRARY = "ERR Failed loading library payload";
    static final String BAD_NAME = "ERR Failed loading library name";
    static final String BAD_ENGINE = "ERR Failed loading engine name";
    static final String BAD_DESC_FLAG = "ERR Failed loading library description indicator";
    static final String BAD_DESC = "ERR Failed loading library description";
    static final String BAD_BLOB = "ERR Failed loading library blob";

    private static final int OPCODE_FUNCTION_PRE_GA = 0xF6;
    private static final int OPCODE_FUNCTION2 = 0xF5;
    private static final int TRAILER = 10; // version + CRC-64

    private static final int ENC_INT8 = 0;
    private static final int ENC_INT16 = 1;
    private static final int ENC_INT32 = 2;
    private static final int ENC_LZF = 3;

    /** RDB_LENERR (UINT64_MAX): also what a 64-bit length of all ones reads as, as in Redis. */
    private static final long LEN_ERR = -1L;

    /** canonicalInt's "not an integer": it only parses up to 11 characters, so no value collides. */
    private static final long NOT_AN_INT = Long.MIN_VALUE;

    private FunctionDump() {}

    /** The payload FUNCTION DUMP answers for these library codes, in this order. */
    static byte[] dump(List<byte[]> libraryCodes) {
        Out out = new Out();
        for (byte[] code : libraryCodes) {
            out.write(OPCODE_FUNCTION2);
            writeString(out, code);
        }
        out.write(RDB_VERSION & 0xff);
        out.write((RDB_VERSION >>> 8) & 0xff);
        long crc = Crc64.update(0, out.buf, 0, out.len);
        for (int i = 0; i < 8; i++) {
            out.write((int) (crc >>> (8 * i)) & 0xff);
        }
        return Arrays.copyOf(out.buf, out.len);
    }

    /**
     * The library codes in {@code payload}, in payload order.
     *
     * @throws CommandException with Redis's text when the payload is invalid
     */
    static List<byte[]> restore(byte[] payload) {
        List<byte[]> codes = new ArrayList<>();
        restore(payload, codes::add);
        return codes;
    }

    /**
     * Decodes {@code payload}, handing each library code to {@code library} as soon as it is read.
     * Redis compiles each library before it reads the next, so a bad library followed by a corrupt
     * one fails with the compile error; a {@code library} that compiles and throws gets the same
     * precedence. Nothing is handed over when the version or the checksum is wrong.
     *
     * @throws CommandException with Redis's text when the payload is invalid
     */
    static void restore(byte[] payload, Consumer<byte[]> library) {
        verify(payload);
        In in = new In(payload);
        // As Redis: read until only the trailer's 10 bytes are left. A string may run into the
        // trailer (Redis reads from the whole buffer), and then the loop just ends.
        while (payload.length - in.pos > TRAILER) {
            int type = in.read();
            if (type == OPCODE_FUNCTION2) {
                library.accept(require(readString(in), BAD_LIBRARY));
            } else if (type == OPCODE_FUNCTION_PRE_GA) {
                library.accept(readPreGa(in));
            } else {
                throw new CommandException(NOT_A_FUNCTION);
            }
        }
    }

    /** verifyDumpPayload: at least the trailer, a version not above ours, and a matching CRC. */
    private static void verify(byte[] p) {
        int n = p.length;
        if (n < TRAILER) {
            throw new CommandException(BAD_PAYLOAD);
        }
        int version = (p[n - 10] & 0xff) | (p[n - 9] & 0xff) << 8;
        if (version > RDB_VERSION) {
            throw new CommandException(BAD_PAYLOAD);
        }
        long crc = Crc64.update(0, p, 0, n - 8);
        for (int i = 0; i < 8; i++) {
            if ((byte) (crc >>> (8 * i)) != p[n - 8 + i]) {
                throw new CommandException(BAD_PAYLOAD);
            }
        }
    }

    /**
     * The 7.0-rc format, kept by rdbFunctionLoad: the code is rebuilt with sdscatfmt's {@code %s},
     * so each part stops at its first NUL byte, and the description is read and dropped.
     */
    private static byte[] readPreGa(In in) {
        byte[] name = require(readString(in), BAD_NAME);
        byte[] engine = require(readString(in), BAD_ENGINE);
        long hasDesc = readLength(in);
        if (hasDesc == LEN_ERR) {
            throw new CommandException(BAD_DESC_FLAG);
        }
        if (hasDesc != 0) {
            require(readString(in), BAD_DESC);
        }
        byte[] body = require(readString(in), BAD_BLOB);
        Out code = new Out();
        code.write("#!".getBytes(StandardCharsets.US_ASCII));
        code.writeCString(engine);
        code.write(" name=".getBytes(StandardCharsets.US_ASCII));
        code.writeCString(name);
        code.write('\n');
        code.writeCString(body);
        return Arrays.copyOf(code.buf, code.len);
    }

    private static byte[] require(byte[] s, String error) {
        if (s == null) {
            throw new CommandException(error);
        }
        return s;
    }

    // ---- RDB strings (rdbSaveRawString / rdbGenericLoadStringObject) ----

    private static void writeString(Out out, byte[] s) {
        int len = s.length;
        if (len <= 11) {
            long value = canonicalInt(s);
            if (value != NOT_AN_INT && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                writeInt(out, (int) value);
                return;
            }
        }
        // Under 21 bytes LZF cannot win, so Redis does not try; it needs to save at least 4 bytes.
        if (len > 20) {
            byte[] packed = Lzf.compress(s, len - 4);
            if (packed != null) {
                out.write(0xC0 | ENC_LZF);
                writeLength(out, packed.length);
                writeLength(out, len);
                out.write(packed);
                return;
            }
        }
        writeLength(out, len);
        out.write(s);
    }

    /** rdbEncodeInteger: the smallest of INT8, INT16, INT32 that holds {@code v}. */
    private static void writeInt(Out out, int v) {
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            out.write(0xC0 | ENC_INT8);
            out.write(v & 0xff);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            out.write(0xC0 | ENC_INT16);
            out.write(v & 0xff);
            out.write((v >>> 8) & 0xff);
        } else {
            out.write(0xC0 | ENC_INT32);
            for (int i = 0; i < 4; i++) {
                out.write((v >>> (8 * i)) & 0xff);
            }
        }
    }

    /**
     * string2ll: the value of {@code s} when it is a canonical decimal (no sign but a leading '-', no
     * leading zeros, no "-0"), else {@link #NOT_AN_INT}.
     */
    private static long canonicalInt(byte[] s) {
        int n = s.length;
        if (n == 0) {
            return NOT_AN_INT;
        }
        if (n == 1 && s[0] == '0') {
            return 0;
        }
        int i = s[0] == '-' ? 1 : 0;
        if (i == n || s[i] < '1' || s[i] > '9') {
            return NOT_AN_INT;
        }
        long v = 0;
        for (; i < n; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return NOT_AN_INT;
            }
            v = v * 10 + (s[i] - '0');
        }
        return s[0] == '-' ? -v : v;
    }

    /** rdbSaveLen: 6-bit, 14-bit, 32-bit or 64-bit big-endian length. */
    private static void writeLength(Out out, long len) {
        if (len < (1 << 6)) {
            out.write((int) len);
        } else if (len < (1 << 14)) {
            out.write(0x40 | (int) (len >>> 8));
            out.write((int) len & 0xff);
        } else if (len <= 0xffffffffL) {
            out.write(0x80);
            for (int i = 3; i >= 0; i--) {
                out.write((int) (len >>> (8 * i)) & 0xff);
            }
        } else {
            out.write(0x81);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (len >>> (8 * i)) & 0xff);
            }
        }
    }

    /**
     * rdbLoadLen: the length, or {@link #LEN_ERR} on a short read or the undefined prefixes
     * {@code 0x82..0xBF}. For {@code 0xC0..0xFF} it sets {@link In#encoded}: the low 6 bits are
     * then an encoding, not a length.
     */
    private static long readLength(In in) {
        in.encoded = false;
        if (in.remaining() < 1) {
            return LEN_ERR;
        }
        int b = in.read();
        switch (b >>> 6) {
            case 0:
                return b & 0x3f;
            case 1:
                if (in.remaining() < 1) {
                    return LEN_ERR;
                }
                return (b & 0x3f) << 8 | in.read();
            case 3:
                in.encoded = true;
                return b & 0x3f;
            default:
                if (b == 0x80) {
                    return in.remaining() < 4 ? LEN_ERR : in.readBigEndian(4);
                }
                if (b == 0x81) {
                    return in.remaining() < 8 ? LEN_ERR : in.readBigEndian(8);
                }
                return LEN_ERR; // "Unknown length encoding %d in rdbLoadLen()"
        }
    }

    /** rdbGenericLoadStringObject(RDB_LOAD_SDS): the bytes, or null where Redis returns NULL. */
    private static byte[] readString(In in) {
        long len = readLength(in);
        if (len == LEN_ERR) {
            return null;
        }
        if (in.encoded) {
            return switch ((int) len) {
                case ENC_INT8 -> readInt(in, 1);
                case ENC_INT16 -> readInt(in, 2);
                case ENC_INT32 -> readInt(in, 4);
                case ENC_LZF -> readLzf(in);
                default -> null; // "Unknown RDB string encoding type %llu"
            };
        }
        return len < 0 || len > in.remaining() ? null : in.take((int) len); // < 0: above 2^63
    }

    /** rdbLoadIntegerObject: a little-endian signed integer, given back as its decimal text. */
    private static byte[] readInt(In in, int size) {
        if (in.remaining() < size) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (long) in.read() << (8 * i);
        }
        long signed = (v << (64 - 8 * size)) >> (64 - 8 * size);
        return Long.toString(signed).getBytes(StandardCharsets.US_ASCII);
    }

    /** rdbLoadLzfStringObject: compressed length, plain length, data; it must inflate to exactly that. */
    private static byte[] readLzf(In in) {
        long clen = readLength(in);
        if (clen == LEN_ERR) {
            return null;
        }
        long len = readLength(in);
        if (len == LEN_ERR || clen < 0 || clen > in.remaining() || len < 0) {
            return null;
        }
        // A back reference of 3 bytes yields at most 264, so anything claiming more than 88 times
        // its input cannot inflate to its length; refuse it before allocating.
        if (len > 88 * clen || len > Integer.MAX_VALUE - 8) {
            return null;
        }
        int start = in.pos;
        in.pos += (int) clen;
        byte[] plain = new byte[(int) len];
        int got = Lzf.decompress(in.buf, start, (int) clen, plain);
        return got == len ? plain : null; // "Invalid LZF compressed string"
    }

    /** A read cursor over the whole payload, trailer included (rio's buffer target). */
    private static final class In {
        final byte[] buf;
        int pos;
        boolean encoded;

        In(byte[] buf) {
            this.buf = buf;
        }

        int remaining() {
            return buf.length - pos;
        }

        int read() {
            return buf[pos++] & 0xff;
        }

        long readBigEndian(int size) {
            long v = 0;
            for (int i = 0; i < size; i++) {
                v = v << 8 | read();
            }
            return v;
        }

        byte[] take(int n) {
            byte[] s = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return s;
        }
    }

    /** A growable byte buffer (ByteArrayOutputStream without the synchronisation and IOException). */
    private static final class Out {
        byte[] buf = new byte[64];
        int len;

        void write(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        /** Up to the first NUL, as C's {@code %s} would. */
        void writeCString(byte[] b) {
            int n = 0;
            while (n < b.length && b[n] != 0) {
                n++;
            }
            ensure(n);
            System.arraycopy(b, 0, buf, len, n);
            len += n;
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }
    }
}
