package io.goredis.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cursor over one request's arguments, as mini-redis's {@code Parse}: the command name is
 * consumed up front (and, for a subcommand, the subcommand name too). Commands read what they need
 * and call {@link #finish()} to reject leftovers with {@code ERR syntax error}.
 */
public final class Args {

    private final List<byte[]> argv;
    private int pos;

    /** {@code argv} is the whole request; {@code start} is the index of the first argument. */
    public Args(List<byte[]> argv, int start) {
        this.argv = argv;
        this.pos = start;
    }

    /** The whole request, the command name at index 0. */
    public List<byte[]> argv() {
        return argv;
    }

    /** Number of arguments left. */
    public int remaining() {
        return argv.size() - pos;
    }

    public boolean hasNext() {
        return pos < argv.size();
    }

    /** The next argument as bytes; {@code ERR syntax error} if there is none. */
    public byte[] next() {
        if (pos >= argv.size()) {
            throw CommandException.syntax();
        }
        return argv.get(pos++);
    }

    /** The next argument decoded as UTF-8. */
    public String nextString() {
        return new String(next(), StandardCharsets.UTF_8);
    }

    /** The next argument as a Redis integer (strict: no spaces, no '+', no leading zeros but "0"). */
    public long nextLong() {
        return parseLong(next());
    }

    /** The next argument without consuming it, or null at the end. */
    public byte[] peek() {
        return pos < argv.size() ? argv.get(pos) : null;
    }

    /** True (and consumed) if the next argument equals {@code keyword}, ignoring case. */
    public boolean nextIs(String keyword) {
        if (pos < argv.size() && equalsIgnoreCase(argv.get(pos), keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    /** All remaining arguments, consumed. */
    public List<byte[]> rest() {
        List<byte[]> out = new ArrayList<>(argv.subList(pos, argv.size()));
        pos = argv.size();
        return out;
    }

    /** Rejects any argument left over. */
    public void finish() {
        if (pos < argv.size()) {
            throw CommandException.syntax();
        }
    }

    // --- parsing helpers shared by all commands ------------------------------------------------

    /**
     * Parses like Redis's {@code string2ll}: optional '-', digits, no leading zeros, within long
     * range. Anything else throws {@link CommandException#NOT_INTEGER}.
     */
    public static long parseLong(byte[] b) {
        Long v = tryParseLong(b);
        if (v == null) {
            throw CommandException.notInteger();
        }
        return v;
    }

    /** As {@link #parseLong} but null instead of an exception. */
    public static Long tryParseLong(byte[] b) {
        int n = b.length;
        if (n == 0 || n > 20) {
            return null;
        }
        if (n == 1 && b[0] == '0') {
            return 0L;
        }
        int i = 0;
        boolean negative = false;
        if (b[0] == '-') {
            negative = true;
            i = 1;
            if (n == 1) {
                return null;
            }
        }
        if (b[i] < '1' || b[i] > '9') {
            return null;
        }
        long acc = 0; // accumulate negatively so Long.MIN_VALUE fits
        for (; i < n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            if (acc < (Long.MIN_VALUE + d) / 10) {
                return null;
            }
            acc = acc * 10 - d;
        }
        if (!negative) {
            if (acc == Long.MIN_VALUE) {
                return null;
            }
            return -acc;
        }
        return acc;
    }

    public static boolean equalsIgnoreCase(byte[] b, String keyword) {
        if (b.length != keyword.length()) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            char c = keyword.charAt(i);
            int x = b[i] & 0xff;
            if (x != c && Character.toLowerCase((char) x) != Character.toLowerCase(c)) {
                return false;
            }
        }
        return true;
    }

    public static String lower(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
