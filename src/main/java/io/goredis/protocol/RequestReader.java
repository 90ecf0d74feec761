package io.goredis.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a client's byte stream into requests, as Redis's {@code processInputBuffer}: a request
 * starting with {@code '*'} is a RESP multibulk, anything else is an inline command split with
 * Redis's {@code sdssplitargs} rules. Frames may arrive split across any number of reads.
 *
 * <p>Reads go into one reusable buffer ({@value #BUFFER_SIZE} bytes, grown only for a frame that does
 * not fit); {@link #hasBuffered()} tells the session whether another request may already be waiting,
 * so it can answer a pipelined batch and flush once. Not thread-safe: one per connection.
 *
 * <p>Limits (checked as the bytes arrive, with Redis's exact texts): more than 64 KB buffered without
 * the end of an inline request or count line is an error (reads are at most 16 KB, as Redis's, so
 * this trips where Redis's check does), a bulk of at most {@code maxBulkLength} bytes (Redis's
 * {@code proto-max-bulk-len}, 512 MB), and before authentication at most 10 arguments and 16 KB per
 * bulk.
 */
public final class RequestReader {

    /** Redis's PROTO_INLINE_MAX_SIZE. */
    public static final int INLINE_MAX = 64 * 1024;
    /** Redis's default proto-max-bulk-len. */
    public static final long DEFAULT_MAX_BULK = 512L * 1024 * 1024;
    /** Before AUTH: Redis's limits on an unauthenticated client. */
    public static final int UNAUTH_MAX_ARGS = 10;
    public static final int UNAUTH_MAX_BULK = 16 * 1024;

    static final int BUFFER_SIZE = 16 * 1024;
    /** A bulk larger than this is allocated step by step as its bytes arrive. */
    static final int BIG_BULK_STEP = 1024 * 1024;

    private final InputStream in;
    private final long maxBulkLength;
    private byte[] buf = new byte[BUFFER_SIZE];
    private int pos;   // next unread byte
    private int limit; // end of valid bytes

    public RequestReader(InputStream in) {
        this(in, DEFAULT_MAX_BULK);
    }

    public RequestReader(InputStream in, long maxBulkLength) {
        if (maxBulkLength < 1) {
            throw new IllegalArgumentException("maxBulkLength: " + maxBulkLength + " (expected: >= 1)");
        }
        this.in = in;
        this.maxBulkLength = maxBulkLength;
    }

    /** True if bytes of a further request are already buffered (no read would be needed to start it). */
    public boolean hasBuffered() {
        return pos < limit;
    }

    /**
     * The next request's arguments (never empty), or null at end of stream. Empty inline lines and
     * {@code *0} / {@code *-1} multibulks are skipped as Redis skips them.
     *
     * @param authenticated false applies Redis's limits for unauthenticated clients
     * @throws ProtocolException on a framing error; the caller answers {@code -ERR Protocol error: ...}
     *     ({@link ProtocolException#getMessage()} is the text after {@code "Protocol error: "}) and closes
     */
    public List<byte[]> read(boolean authenticated) throws IOException, ProtocolException {
        while (true) {
            if (pos == limit && !fill()) {
                return null;
            }
            List<byte[]> argv = buf[pos] == '*' ? readMultibulk(authenticated) : readInline();
            if (argv == null) {
                return null;
            }
            if (!argv.isEmpty()) {
                return argv;
            }
        }
    }

    // --- multibulk -------------------------------------------------------------------------------

    private List<byte[]> readMultibulk(boolean authenticated) throws IOException, ProtocolException {
        int cr = quickLine();
        if (cr < 0) {
            cr = findLine("too big mbulk count string");
            if (cr < 0) {
                return null;
            }
        }
        long count = parseNumber(pos + 1, cr);
        if (count == Long.MIN_VALUE || count > Integer.MAX_VALUE) {
            throw new ProtocolException("invalid multibulk length");
        }
        if (count > UNAUTH_MAX_ARGS && !authenticated) {
            throw new ProtocolException("unauthenticated multibulk length");
        }
        pos = cr + 2;
        if (count <= 0) {
            return List.of();
        }
        // don't trust the count for preallocation: a client can announce 2^31 args
        List<byte[]> argv = new ArrayList<>((int) Math.min(count, 64));
        for (long i = 0; i < count; i++) {
            argv.add(readBulk(authenticated));
        }
        return argv;
    }

    private byte[] readBulk(boolean authenticated) throws IOException, ProtocolException {
        int cr = pos < limit ? quickLine() : -1;
        if (cr < 0) {
            cr = findLine("too big bulk count string");
            if (cr < 0) {
                throw new java.io.EOFException("connection closed inside a multibulk request");
            }
        }
        if (buf[pos] != '$') {
            throw new ProtocolException("expected '$', got '" + (char) (buf[pos] & 0xff) + "'");
        }
        long len = parseNumber(pos + 1, cr);
        if (len < 0 || len > maxBulkLength) {
            throw new ProtocolException("invalid bulk length");
        }
        if (len > UNAUTH_MAX_BULK && !authenticated) {
            throw new ProtocolException("unauthenticated bulk length");
        }
        pos = cr + 2;
        int n = (int) len;
        byte[] value;
        if (limit - pos >= n) {
            value = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
        } else {
            // read the rest of a large bulk straight into its own array, no buffer growth; the array
            // grows as bytes arrive, so announcing 512 MB without sending them costs nothing
            int have = limit - pos;
            value = new byte[Math.min(n, Math.max(have, BIG_BULK_STEP))];
            System.arraycopy(buf, pos, value, 0, have);
            pos = limit;
            while (have < n) {
                if (have == value.length) {
                    value = Arrays.copyOf(value, (int) Math.min(n, 2L * value.length));
                }
                int r = in.read(value, have, value.length - have);
                if (r < 0) {
                    throw new java.io.EOFException("connection closed inside a bulk string");
                }
                have += r;
            }
        }
        // Redis skips the two bytes after the payload without checking them: so do we
        if (!ensure(2)) {
            throw new java.io.EOFException("connection closed inside a bulk string");
        }
        pos += 2;
        return value;
    }

    /**
     * The hot path of {@link #findLine}: a short count line ({@code *3}, {@code $5}) already in the
     * buffer with the byte after its CR. Returns the CR's index, or -1 to take the general path.
     */
    private int quickLine() {
        int end = Math.min(limit - 1, pos + 22);
        for (int i = pos + 1; i < end; i++) {
            if (buf[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the {@code '\r'} ending the count line at {@code pos} once that line and the byte after
     * it are buffered; -1 at end of stream. As Redis, errors once 64 KB arrived without a CR.
     */
    private int findLine(String tooBig) throws IOException, ProtocolException {
        int from = pos;
        while (true) {
            for (int i = from; i < limit; i++) {
                if (buf[i] == '\r') {
                    if (i + 1 < limit) {
                        return i;
                    }
                    break;
                }
            }
            if (limit - pos > INLINE_MAX) {
                throw new ProtocolException(tooBig);
            }
            from = Math.max(pos, limit - 1);
            int offset = pos;
            if (!fill()) {
                return -1;
            }
            from -= offset - pos; // fill() may have compacted the buffer
        }
    }

    /** Redis's string2ll over buf[from, to): strict decimal; Long.MIN_VALUE means "not a number". */
    private long parseNumber(int from, int to) {
        int n = to - from;
        if (n == 0 || n > 20) {
            return Long.MIN_VALUE;
        }
        int i = from;
        boolean negative = false;
        if (buf[i] == '-') {
            negative = true;
            i++;
            if (n == 1) {
                return Long.MIN_VALUE;
            }
        }
        if (n == 1 && buf[from] == '0') {
            return 0;
        }
        if (buf[i] < '1' || buf[i] > '9') {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                return Long.MIN_VALUE;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    // --- inline ----------------------------------------------------------------------------------

    private List<byte[]> readInline() throws IOException, ProtocolException {
        int from = pos;
        int nl;
        while (true) {
            nl = indexOf((byte) '\n', from);
            if (nl >= 0) {
                break;
            }
            if (limit - pos > INLINE_MAX) {
                throw new ProtocolException("too big inline request");
            }
            from = limit;
            int offset = pos;
            if (!fill()) {
                return null;
            }
            from -= offset - pos;
        }
        int end = nl;
        if (end > pos && buf[end - 1] == '\r') {
            end--;
        }
        List<byte[]> argv = splitArgs(buf, pos, end);
        pos = nl + 1;
        if (argv == null) {
            throw new ProtocolException("unbalanced quotes in request");
        }
        return argv;
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Redis's {@code sdssplitargs} over {@code line[from, to)}: whitespace separates words; "double
     * quotes" take {@code \n \r \t \b \a \xHH} and {@code \<any>} escapes; 'single quotes' take
     * {@code \'}; a closing quote must be followed by a space or the end. Returns null for
     * unbalanced quotes. As in C, a NUL byte ends the line.
     */
    static List<byte[]> splitArgs(byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == 0) {
                to = i;
                break;
            }
        }
        List<byte[]> out = new ArrayList<>();
        java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
        int p = from;
        while (true) {
            while (p < to && isSpace(line[p])) {
                p++;
            }
            if (p >= to) {
                return out;
            }
            boolean inDouble = false;
            boolean inSingle = false;
            boolean done = false;
            current.reset();
            while (!done) {
                int c = p < to ? line[p] : 0;
                int next = p + 1 < to ? line[p + 1] : 0;
                if (inDouble) {
                    if (c == '\\' && next == 'x' && p + 3 < to && isHex(line[p + 2]) && isHex(line[p + 3])) {
                        current.write(hex(line[p + 2]) * 16 + hex(line[p + 3]));
                        p += 3;
                    } else if (c == '\\' && next != 0) {
                        p++;
                        current.write(switch (next) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> next;
                        });
                    } else if (c == '"') {
                        if (next != 0 && !isSpace((byte) next)) {
                            return null;
                        }
                        done = true;
                    } else if (c == 0) {
                        return null;
                    } else {
                        current.write(c);
                    }
                } else if (inSingle) {
                    if (c == '\\' && next == '\'') {
                        p++;
                        current.write('\'');
                    } else if (c == '\'') {
                        if (next != 0 && !isSpace((byte) next)) {
                            return null;
                        }
                        done = true;
                    } else if (c == 0) {
                        return null;
                    } else {
                        current.write(c);
                    }
                } else {
                    switch (c) {
                        case ' ', '\n', '\r', '\t', 0 -> done = true;
                        case '"' -> inDouble = true;
                        case '\'' -> inSingle = true;
                        default -> current.write(c);
                    }
                }
                if (p < to) {
                    p++;
                }
            }
            out.add(current.toByteArray());
        }
    }

    /** C's isspace: space, \t, \n, \v, \f, \r. */
    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static int hex(byte b) {
        return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }

    // --- buffer ----------------------------------------------------------------------------------

    /** Ensures {@code n} bytes are buffered from pos; false at end of stream. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads more bytes after {@code limit}, compacting or growing the buffer first when it is full.
     * May move the unread bytes to index 0 (callers re-base their indexes on {@code pos}).
     */
    private boolean fill() throws IOException {
        if (pos == limit) {
            pos = 0;
            limit = 0;
        } else if (limit == buf.length) {
            int unread = limit - pos;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, unread);
            } else {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            pos = 0;
            limit = unread;
        }
        // at most 16 KB per read, as Redis's PROTO_IOBUF_LEN: the 64 KB limits then trip exactly
        // where Redis's do (more than 64 KB buffered and still no line end)
        int r = in.read(buf, limit, Math.min(BUFFER_SIZE, buf.length - limit));
        if (r < 0) {
            return false;
        }
        limit += r;
        return true;
    }
}
