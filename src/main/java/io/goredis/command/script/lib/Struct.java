package io.goredis.command.script.lib;

import io.goredis.command.script.LuaLibrary;
import io.goredis.command.script.LuaStrings;
import java.util.Arrays;
import party.iroiro.luajava.Lua;

/**
 * The {@code struct} library of Redis 7.0 scripts: a port of Roberto Ierusalimschy's struct.c as
 * Redis embeds it ({@code deps/lua/src/lua_struct.c}, with Redis's overflow fixes: "integral size
 * overflow", "offset must be 1 or greater", the c0 result count). Formats: {@code > <} endianness
 * (native is little), {@code !n} alignment, {@code x} padding, {@code b B h H l L T i In} integers
 * (1, 2, 8, 8, 4 or n bytes, n up to 32), {@code f d} floats, {@code cn} n chars ({@code c0}: the
 * whole string / the previous number as length), {@code s} zero-terminated, spaces ignored.
 * Number conversions are the C casts of x86-64 ({@link CNumbers}). Stateless; installed by
 * {@code LuaSandbox} ({@link #push}).
 */
public final class Struct implements LuaLibrary {

    private static final int BIG = 0;
    private static final int LITTLE = 1;
    private static final int NATIVE = LITTLE;
    private static final int MAXINTSIZE = 32;
    /** {@code MAXALIGN}: the padding of a double after a char, on x86-64. */
    private static final int MAXALIGN = 8;

    @Override
    public String name() {
        return "struct";
    }

    @Override
    public void push(Lua lua, LuaStrings strings) {
        lua.createTable(0, 3);
        LuaCall.setFunction(lua, strings, "pack", c -> new Format(c).pack());
        LuaCall.setFunction(lua, strings, "unpack", c -> new Format(c).unpack());
        LuaCall.setFunction(lua, strings, "size", c -> new Format(c).size());
    }

    /** One call's walk over its format string ({@code fmt} as C reads it, up to a NUL), with the {@code Header}. */
    private static final class Format {
        private final LuaCall c;
        private final byte[] fmt;
        private int at;
        private int endian = NATIVE;
        private int align = 1;

        Format(LuaCall c) {
            this.c = c;
            this.fmt = c.checkCString(1);
        }

        private boolean more() {
            return at < fmt.length;
        }

        /** The next option, a C {@code char} (signed). */
        private int nextOption() {
            return fmt[at++];
        }

        private static boolean isDigit(int ch) {
            return ch >= '0' && ch <= '9';
        }

        private int getnum(int df) {
            if (!more() || !isDigit(fmt[at])) {
                return df;
            }
            int a = 0;
            do {
                int d = fmt[at] - '0';
                if (a > Integer.MAX_VALUE / 10 || a * 10 > Integer.MAX_VALUE - d) {
                    throw c.error("integral size overflow");
                }
                a = a * 10 + d;
                at++;
            } while (more() && isDigit(fmt[at]));
            return a;
        }

        private long optsize(int opt) {
            switch (opt) {
                case 'B', 'b', 'x':
                    return 1;
                case 'H', 'h':
                    return 2;
                case 'L', 'l', 'T', 'd':
                    return 8;
                case 'f':
                    return 4;
                case 'c':
                    return getnum(1);
                case 'i', 'I': {
                    int sz = getnum(4);
                    if (sz > MAXINTSIZE) {
                        throw c.error("integral size ", sz, " is larger than limit of ", MAXINTSIZE);
                    }
                    return sz;
                }
                default:
                    return 0;
            }
        }

        private long gettoalign(long len, int opt, long size) {
            if (size == 0 || opt == 'c') {
                return 0;
            }
            if (Long.compareUnsigned(size, align) > 0) {
                size = align;
            }
            return (size - (len & (size - 1))) & (size - 1);
        }

        private void controloptions(int opt) {
            switch (opt) {
                case ' ' -> { }
                case '>' -> endian = BIG;
                case '<' -> endian = LITTLE;
                case '!' -> {
                    int a = getnum(MAXALIGN);
                    if (!(a > 0 && (a & (a - 1)) == 0)) {
                        throw c.error("alignment ", a, " is not a power of 2");
                    }
                    align = a;
                }
                default -> throw c.argError(1, "invalid format option '", new byte[] {(byte) opt}, "'");
            }
        }

        /** {@code b_pack}. */
        int pack() {
            ByteBuilder b = new ByteBuilder(32);
            int arg = 2;
            long totalsize = 0;
            c.api.lua_pushnil(c.L); // mark to separate arguments from string buffer
            while (more()) {
                int opt = nextOption();
                long size = optsize(opt);
                long toalign = gettoalign(totalsize, opt, size);
                totalsize += toalign;
                while (toalign-- > 0) {
                    b.append(0);
                }
                switch (opt) {
                    case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I' -> putinteger(b, arg++, (int) size);
                    case 'x' -> b.append(0);
                    case 'f' -> {
                        float f = (float) c.checkNumber(arg++);
                        putBytes(b, Float.floatToRawIntBits(f) & 0xffffffffL, 4);
                    }
                    case 'd' -> putBytes(b, Double.doubleToRawLongBits(c.checkNumber(arg++)), 8);
                    case 'c', 's' -> {
                        byte[] s = c.checkBytes(arg++);
                        long l = s.length;
                        if (size == 0) {
                            size = l;
                        }
                        c.argCheck(Long.compareUnsigned(l, size) >= 0, arg, "string too short");
                        b.append(s, 0, (int) size);
                        if (opt == 's') {
                            b.append(0);
                            size++;
                        }
                    }
                    default -> controloptions(opt);
                }
                totalsize += size;
            }
            c.pushBytes(b.toBytes());
            return 1;
        }

        /** {@code size} bytes of {@code value} in the current endianness (zeros past 8 bytes). */
        private void putBytes(ByteBuilder b, long value, int size) {
            byte[] buff = new byte[size];
            for (int i = 0; i < size; i++) {
                buff[endian == LITTLE ? i : size - 1 - i] = (byte) value;
                value >>>= 8;
            }
            b.append(buff);
        }

        private void putinteger(ByteBuilder b, int arg, int size) {
            double n = c.checkNumber(arg);
            long value = n < 0 ? CNumbers.toInt64(n) : CNumbers.toUint64(n);
            putBytes(b, value, size);
        }

        private double getinteger(byte[] data, long pos, boolean signed, int size) {
            long l = readBits(data, pos, size);
            if (!signed) {
                return CNumbers.unsignedToDouble(l);
            }
            long mask = -1L << (size * 8 - 1); // a shift past 63 wraps, as on x86-64
            if ((l & mask) != 0) {
                l |= mask;
            }
            return (double) l;
        }

        private static boolean fits(long pos, long size, long ld) {
            return Long.compareUnsigned(size, ld) <= 0 && Long.compareUnsigned(pos, ld - size) <= 0;
        }

        /** {@code size} bytes at {@code pos} in the current endianness (the low 64 bits when longer). */
        private long readBits(byte[] data, long pos, int size) {
            long v = 0;
            for (int k = 0; k < size; k++) {
                int i = endian == BIG ? k : size - 1 - k;
                v = (v << 8) | (data[(int) pos + i] & 0xff);
            }
            return v;
        }

        /** {@code b_unpack}. */
        int unpack() {
            byte[] data = c.checkBytes(2);
            long ld = data.length;
            long pos = c.optInteger(3, 1);
            c.argCheck(pos != 0, 3, "offset must be 1 or greater"); // size_t: negatives are huge
            pos--;
            int n = 0;
            while (more()) {
                int opt = nextOption();
                long size = optsize(opt);
                pos += gettoalign(pos, opt, size);
                c.argCheck(fits(pos, size, ld), 2, "data string too short");
                c.checkStack(2, "too many results");
                switch (opt) {
                    case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I' -> {
                        c.pushNumber(getinteger(data, pos, Character.isLowerCase(opt), (int) size));
                        n++;
                    }
                    case 'x' -> { }
                    case 'f' -> {
                        c.pushNumber(Float.intBitsToFloat((int) readBits(data, pos, 4)));
                        n++;
                    }
                    case 'd' -> {
                        c.pushNumber(Double.longBitsToDouble(readBits(data, pos, 8)));
                        n++;
                    }
                    case 'c' -> {
                        if (size == 0) {
                            if (n == 0 || !c.isNumber(-1)) {
                                throw c.error("format 'c0' needs a previous size");
                            }
                            size = CNumbers.toUint64(c.toNumber(-1));
                            c.pop(1);
                            n--;
                            c.argCheck(fits(pos, size, ld), 2, "data string too short");
                        }
                        c.pushBytes(Arrays.copyOfRange(data, (int) pos, (int) (pos + size)));
                        n++;
                    }
                    case 's' -> {
                        int e = -1;
                        for (int i = (int) pos; i < data.length; i++) {
                            if (data[i] == 0) {
                                e = i;
                                break;
                            }
                        }
                        if (e < 0) {
                            throw c.error("unfinished string in data");
                        }
                        size = e - pos + 1;
                        c.pushBytes(Arrays.copyOfRange(data, (int) pos, e));
                        n++;
                    }
                    default -> controloptions(opt);
                }
                pos += size;
            }
            c.pushInteger(pos + 1);
            return n + 1;
        }

        /** {@code b_size}. */
        int size() {
            long pos = 0;
            while (more()) {
                int opt = nextOption();
                long size = optsize(opt);
                pos += gettoalign(pos, opt, size);
                if (opt == 's') {
                    throw c.argError(1, "option 's' has no fixed size");
                } else if (opt == 'c' && size == 0) {
                    throw c.argError(1, "option 'c0' has no fixed size");
                }
                boolean alnum = (opt >= '0' && opt <= '9') || (opt >= 'a' && opt <= 'z') || (opt >= 'A' && opt <= 'Z');
                if (!alnum) {
                    controloptions(opt);
                }
                pos += size;
            }
            c.pushInteger(pos);
            return 1;
        }
    }
}
