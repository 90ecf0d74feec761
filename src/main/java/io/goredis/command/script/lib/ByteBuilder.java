package io.goredis.command.script.lib;

import java.util.Arrays;

/**
 * A growable byte buffer, unsynchronised: the output of {@link CJsonEncoder}, {@link CMsgPack}'s
 * packer and {@link Struct}'s pack (the C libraries' {@code strbuf_t}, {@code mp_buf},
 * {@code luaL_Buffer}).
 */
final class ByteBuilder {

    private byte[] buf;
    private int len;

    ByteBuilder(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            long wanted = Math.max((long) buf.length * 2, (long) len + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("string too large");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    ByteBuilder append(int b) {
        ensure(1);
        buf[len++] = (byte) b;
        return this;
    }

    ByteBuilder append(byte[] b) {
        return append(b, 0, b.length);
    }

    ByteBuilder append(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Appends ASCII text. */
    ByteBuilder append(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buf[len++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    void reset() {
        len = 0;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }
}
