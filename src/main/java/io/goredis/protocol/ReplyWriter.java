package io.goredis.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes {@link Reply} values as RESP2 or RESP3 into an internal buffer and writes it to the
 * connection on {@link #flush()} (or when the buffer fills), so a pipelined batch costs one write.
 * One per connection; not thread-safe.
 *
 * <p>The switch over the sealed {@link Reply} has no default: a new reply type does not compile
 * until it is encoded here. Numbers are written as ASCII digits directly, without String garbage.
 */
public final class ReplyWriter {

    static final int BUFFER_SIZE = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESP3_NULL = "_\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int count;

    public ReplyWriter(OutputStream out) {
        this.out = out;
    }

    /** Encodes {@code reply} for a session speaking RESP {@code protocol} (2 or 3). */
    public void write(Reply reply, int protocol) throws IOException {
        boolean resp3 = protocol >= 3;
        switch (reply) {
            case Reply.SimpleString s -> line('+', s.value());
            case Reply.ErrorReply e -> line('-', e.message());
            case Reply.IntReply i -> number(':', i.value());
            case Reply.BulkReply b -> bulk('$', b.value());
            case Reply.NullReply n -> raw(resp3 ? RESP3_NULL : NULL_BULK);
            case Reply.NullArray n -> raw(resp3 ? RESP3_NULL : NULL_ARRAY);
            case Reply.ArrayReply a -> aggregate('*', a.items(), protocol);
            case Reply.SetReply s -> aggregate(resp3 ? '~' : '*', s.items(), protocol);
            case Reply.MapReply m -> {
                int n = m.keys().size();
                number(resp3 ? '%' : '*', resp3 ? n : 2L * n);
                for (int i = 0; i < n; i++) {
                    write(m.keys().get(i), protocol);
                    write(m.values().get(i), protocol);
                }
            }
            case Reply.DoubleReply d -> {
                if (resp3) {
                    line(',', d.text());
                } else {
                    bulk('$', d.text().getBytes(StandardCharsets.US_ASCII));
                }
            }
            case Reply.VerbatimReply v -> {
                if (resp3) {
                    number('=', v.value().length + 4L);
                    raw(v.format().getBytes(StandardCharsets.US_ASCII));
                    raw((byte) ':');
                    raw(v.value());
                    raw(CRLF);
                } else {
                    bulk('$', v.value());
                }
            }
            case Reply.Pinned p -> write(p.reply(), p.protocol());
            case Reply.BigNumberReply n -> {
                if (resp3) {
                    line('(', n.digits());
                } else {
                    bulk('$', n.digits().getBytes(StandardCharsets.US_ASCII));
                }
            }
            case Reply.BoolReply b -> {
                if (resp3) {
                    raw((byte) '#');
                    raw((byte) (b.value() ? 't' : 'f'));
                    raw(CRLF);
                } else {
                    number(':', b.value() ? 1 : 0);
                }
            }
        }
    }

    /** Bytes encoded but not yet written to the connection. */
    public int pending() {
        return count;
    }

    /** Writes everything buffered to the connection and flushes it. */
    public void flush() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
        out.flush();
    }

    /** Writes pre-encoded RESP bytes (e.g. the maxclients or DENIED refusals). */
    public void writeRaw(byte[] bytes) throws IOException {
        raw(bytes);
    }

    private void aggregate(char type, List<Reply> items, int protocol) throws IOException {
        number(type, items.size());
        for (Reply item : items) {
            write(item, protocol);
        }
    }

    private void bulk(char type, byte[] value) throws IOException {
        number(type, value.length);
        raw(value);
        raw(CRLF);
    }

    /** A simple string or error line; CR and LF inside would break framing, so they become spaces. */
    private void line(char type, String text) throws IOException {
        int n = text.length();
        ensure(Math.min(n + 3, buf.length));
        buf[count++] = (byte) type;
        boolean ascii = n + 2 <= buf.length - count;
        int start = count;
        for (int i = 0; ascii && i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            buf[count++] = (byte) (c == '\r' || c == '\n' ? ' ' : c);
        }
        if (!ascii) {
            count = start;
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\r' || bytes[i] == '\n') {
                    bytes[i] = ' ';
                }
            }
            raw(bytes);
        }
        raw(CRLF);
    }

    /** {@code <type><decimal>\r\n} without allocating. */
    private void number(char type, long v) throws IOException {
        ensure(23);
        buf[count++] = (byte) type;
        if (v == Long.MIN_VALUE) {
            raw("-9223372036854775808".getBytes(StandardCharsets.US_ASCII));
        } else {
            if (v < 0) {
                buf[count++] = '-';
                v = -v;
            }
            int digits = digits(v);
            int end = count + digits;
            for (int i = end - 1; i >= count; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            count = end;
        }
        buf[count++] = '\r';
        buf[count++] = '\n';
    }

    private static int digits(long v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    private void raw(byte b) throws IOException {
        ensure(1);
        buf[count++] = b;
    }

    private void raw(byte[] bytes) throws IOException {
        if (bytes.length > buf.length - count) {
            flushBuffer();
            if (bytes.length > buf.length) {
                out.write(bytes); // large values go straight out, no copy
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, count, bytes.length);
        count += bytes.length;
    }

    private void ensure(int n) throws IOException {
        if (buf.length - count < n) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }
}
