package io.goredis.command.zset;

import io.goredis.command.CFormat;
import io.goredis.command.CommandException;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;

/**
 * Scores as Redis reads and prints them. Reading is {@code getDoubleFromObject}: C's strtod over
 * the whole argument, no leading space, no overflow, no NaN; "inf", "+inf", "-inf", "infinity"
 * in any case. Printing is Redis 7.0's {@code addReplyDouble}: {@code %.17g}, "inf", "-inf" (a
 * bulk string in RESP2, a double in RESP3).
 */
final class Scores {

    private Scores() {}

    /** The score {@code arg} spells; CommandException({@code error}) otherwise. */
    static double parse(byte[] arg, String error) {
        Double d = tryParse(arg);
        if (d == null) {
            throw new CommandException(error);
        }
        return d;
    }

    /** The score {@code arg} spells, or null. */
    static Double tryParse(byte[] arg) {
        if (arg.length == 0 || arg.length > 400) {
            return null;
        }
        String s = new String(arg, StandardCharsets.US_ASCII);
        String unsigned = s.charAt(0) == '+' || s.charAt(0) == '-' ? s.substring(1) : s;
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return s.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        boolean digit = false;
        for (int i = 0; i < unsigned.length(); i++) {
            char c = unsigned.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return null; // Java's own forms (NaN, 1d, 0x1p3) and any space
            }
        }
        if (!digit) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isInfinite(d) ? null : d; // strtod's ERANGE overflow
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A range bound as {@code zslParseRange} reads it: plain strtod, so unlike a score argument an
     * overflow is an infinity; null when not a number or NaN.
     */
    static Double tryParseBound(byte[] arg) {
        Double d = tryParse(arg);
        if (d != null || arg.length == 0) {
            return d;
        }
        String s = new String(arg, java.nio.charset.StandardCharsets.US_ASCII);
        if (s.matches("[+-]?[0-9]*\\.?[0-9]*([eE][+-]?[0-9]+)?") && s.matches(".*[0-9].*")) {
            return Double.parseDouble(s); // digits that overflowed: strtod's HUGE_VAL
        }
        return null;
    }

    /** A score as Redis replies with it. */
    static Reply reply(double score) {
        return new Reply.DoubleReply(text(score));
    }

    static String text(double score) {
        if (score == Math.rint(score) && Math.abs(score) < 1e15 && !(score == 0 && 1 / score < 0)) {
            return Long.toString((long) score);
        }
        return CFormat.g(score, 17);
    }
}
