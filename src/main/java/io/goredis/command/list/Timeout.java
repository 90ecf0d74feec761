package io.goredis.command.list;

import io.goredis.command.CommandException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A blocking command's timeout in seconds, decimals allowed, as Redis 7.0's
 * {@code getTimeoutFromObjectOrReply} (UNIT_SECONDS) reads it: a {@code long double}, times 1000,
 * rounded up to milliseconds; 0 waits forever. Values past {@code LLONG_MAX} ms (and {@code inf})
 * wrap negative in Redis's cast, so they answer "timeout is negative" as there.
 */
final class Timeout {

    static final String NOT_FLOAT = "ERR timeout is not a float or out of range";
    static final String NEGATIVE = "ERR timeout is negative";

    private Timeout() {}

    /** Milliseconds to wait, 0 for ever. */
    static long parseMillis(byte[] arg) {
        String s = new String(arg, StandardCharsets.US_ASCII);
        if (s.isEmpty() || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
            throw new CommandException(NOT_FLOAT);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            throw new CommandException(NEGATIVE);
        }
        for (int i = 0; i < unsigned.length(); i++) {
            char c = unsigned.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == '+' || c == '-')) {
                throw new CommandException(NOT_FLOAT); // Java's own forms: NaN, 1d, 0x1p3
            }
        }
        double seconds;
        try {
            seconds = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new CommandException(NOT_FLOAT);
        }
        double millis = Math.ceil(seconds * 1000.0);
        if (millis < 0 || millis >= 0x1p63) {
            throw new CommandException(NEGATIVE);
        }
        return (long) millis;
    }
}
