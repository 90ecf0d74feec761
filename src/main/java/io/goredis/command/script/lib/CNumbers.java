package io.goredis.command.script.lib;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The C number conversions the Redis Lua libraries rely on, as glibc on x86-64 does them:
 * {@code printf("%.<p>g")} (cjson's {@code fpconv_g_fmt}), {@code strtod} (cjson's
 * {@code fpconv_strtod}: decimal, hexadecimal, inf / infinity, nan / nan(...)) and the casts from
 * double to integers ({@code cvttsd2si}: out of range or NaN gives the "integer indefinite" value,
 * where Java would saturate). Used by {@link CJson}'s encoder and decoder, {@link CMsgPack},
 * {@link Struct}.
 */
final class CNumbers {

    private CNumbers() {}

    private static final double TWO_63 = 0x1p63;
    /** The NaNs glibc's strtod gives for "nan" and "-nan" (written as bits: javac may fold -NaN). */
    private static final long POSITIVE_NAN = 0x7ff8000000000000L;
    private static final long NEGATIVE_NAN = 0xfff8000000000000L;

    /** {@code (int32_t) d}. */
    static int toInt32(double d) {
        if (Double.isNaN(d) || d >= 2147483648.0 || d <= -2147483649.0) {
            return Integer.MIN_VALUE;
        }
        return (int) d;
    }

    /** {@code (int64_t) d}. */
    static long toInt64(double d) {
        if (Double.isNaN(d) || d >= TWO_63 || d < -TWO_63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    /** {@code (uint64_t) d} as gcc compiles it: values from 2^63 up are converted after subtracting 2^63. */
    static long toUint64(double d) {
        if (!(d >= TWO_63)) {
            return toInt64(d);
        }
        return toInt64(d - TWO_63) ^ Long.MIN_VALUE;
    }

    /** {@code (double) (uint64_t) v}, correctly rounded. */
    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    /** {@code printf("%.<precision>g", v)}: exact decimal expansion rounded half-even, zeros trimmed. */
    static byte[] formatG(double v, int precision) {
        return formatGString(v, precision).getBytes(StandardCharsets.ISO_8859_1);
    }

    static String formatGString(double v, int precision) {
        int p = precision == 0 ? 1 : precision;
        if (Double.isNaN(v)) {
            return Double.doubleToRawLongBits(v) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent < p && exponent >= -4) {
            String fixed = rounded.abs().setScale(Math.max(0, p - 1 - exponent), RoundingMode.HALF_EVEN).toPlainString();
            return sign + trimZeros(fixed);
        }
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        int e = Math.abs(exponent);
        return sign + trimZeros(mantissa) + (exponent < 0 ? "e-" : "e+") + (e < 10 ? "0" : "") + e;
    }

    private static String trimZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    // ---- strtod ---------------------------------------------------------------------------------

    /** The result of {@link #strtod}: the value and the index just past the number (== start: none). */
    record Parsed(double value, int end) {}

    private static int at(byte[] s, int i) {
        return i < s.length ? s[i] & 0xff : 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
    }

    private static boolean matchesIgnoreCase(byte[] s, int i, String word) {
        for (int k = 0; k < word.length(); k++) {
            if ((at(s, i + k) | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** glibc {@code strtod} on the bytes from {@code start} (a NUL or the end stops it). */
    static Parsed strtod(byte[] s, int start) {
        int p = start;
        while (true) {
            int c = at(s, p);
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                p++;
            } else {
                break;
            }
        }
        boolean negative = false;
        if (at(s, p) == '+' || at(s, p) == '-') {
            negative = at(s, p) == '-';
            p++;
        }
        double sign = negative ? -1.0 : 1.0;
        if (matchesIgnoreCase(s, p, "inf")) {
            p += 3;
            if (matchesIgnoreCase(s, p, "inity")) {
                p += 5;
            }
            return new Parsed(sign * Double.POSITIVE_INFINITY, p);
        }
        if (matchesIgnoreCase(s, p, "nan")) {
            p += 3;
            if (at(s, p) == '(') {
                int q = p + 1;
                while (isDigit(at(s, q)) || ((at(s, q) | 0x20) >= 'a' && (at(s, q) | 0x20) <= 'z') || at(s, q) == '_') {
                    q++;
                }
                if (at(s, q) == ')') {
                    p = q + 1;
                }
            }
            return new Parsed(Double.longBitsToDouble(negative ? NEGATIVE_NAN : POSITIVE_NAN), p);
        }
        if (at(s, p) == '0' && (at(s, p + 1) | 0x20) == 'x') {
            Parsed hex = hex(s, p + 2, negative);
            if (hex != null) {
                return hex;
            }
            return new Parsed(sign * 0.0, p + 1); // just the "0"
        }
        int q = p;
        int digits = 0;
        while (isDigit(at(s, q))) {
            q++;
            digits++;
        }
        if (at(s, q) == '.') {
            q++;
            while (isDigit(at(s, q))) {
                q++;
                digits++;
            }
        }
        if (digits == 0) {
            return new Parsed(0, start);
        }
        q = exponent(s, q, 'e');
        String text = new String(s, p, q - p, StandardCharsets.ISO_8859_1);
        return new Parsed(sign * Double.parseDouble(clampExponent(text, 'e')), q);
    }

    /** Past an exponent ("e+12", "p-3") at {@code q} if there is a complete one. */
    private static int exponent(byte[] s, int q, char letter) {
        if ((at(s, q) | 0x20) != letter) {
            return q;
        }
        int r = q + 1;
        if (at(s, r) == '+' || at(s, r) == '-') {
            r++;
        }
        if (!isDigit(at(s, r))) {
            return q;
        }
        while (isDigit(at(s, r))) {
            r++;
        }
        return r;
    }

    /** A hexadecimal float after "0x", or null when no hex digit follows. */
    private static Parsed hex(byte[] s, int from, boolean negative) {
        int q = from;
        StringBuilder intPart = new StringBuilder();
        StringBuilder fraction = new StringBuilder();
        while (isHexDigit(at(s, q))) {
            intPart.append((char) at(s, q++));
        }
        if (at(s, q) == '.') {
            int r = q + 1;
            while (isHexDigit(at(s, r))) {
                fraction.append((char) at(s, r++));
            }
            if (intPart.length() > 0 || fraction.length() > 0) {
                q = r;
            }
        }
        if (intPart.length() == 0 && fraction.length() == 0) {
            return null;
        }
        int end = exponent(s, q, 'p');
        String exp = end > q ? new String(s, q + 1, end - q - 1, StandardCharsets.ISO_8859_1) : "0";
        String text = (negative ? "-0x" : "0x") + (intPart.length() == 0 ? "0" : intPart) + "." + fraction + "p" + exp;
        return new Parsed(Double.parseDouble(clampExponent(text, 'p')), end);
    }

    /** Keeps absurd exponents ("1e99999999999") within what Java's parser takes; the result is the same. */
    private static String clampExponent(String text, char letter) {
        int e = Math.max(text.lastIndexOf(letter), text.lastIndexOf(Character.toUpperCase(letter)));
        if (e < 0 || letter == 'e' && text.startsWith("0x")) {
            return text;
        }
        String exp = text.substring(e + 1);
        boolean neg = exp.startsWith("-");
        String digits = exp.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        if (digits.length() <= 7) {
            return text;
        }
        return text.substring(0, e + 1) + (neg ? "-" : "") + "9999999";
    }
}
