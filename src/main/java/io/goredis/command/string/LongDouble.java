package io.goredis.command.string;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Emulates the x87 80-bit {@code long double} arithmetic that Redis's INCRBYFLOAT uses, so the
 * stored text matches Redis's byte for byte: values are kept exact as {@link BigDecimal}s that are
 * rounded, after parsing and after each addition, to a 64-bit binary significand (round half to
 * even, with the extended format's exponent range and subnormals), then printed as Redis's
 * {@code ld2string(..., LD_STR_HUMAN)} does: {@code %.17Lf} with trailing zeros trimmed.
 *
 * <p>Parsing follows {@code string2ld}: {@code strtold} syntax (decimal, hexadecimal, inf,
 * infinity) over the whole argument, no leading space, and no NaN, overflow or underflow to zero.
 */
public final class LongDouble {

    /** A parsed value: exact finite value, or an infinity ({@code infinite} = +1 / -1). */
    public record Value(BigDecimal finite, int infinite) {
        public boolean isInfinite() {
            return infinite != 0;
        }
    }

    private static final int SIGNIFICAND_BITS = 64;
    /** Smallest exponent of the significand's last bit: subnormals bottom out at 2^-16445. */
    private static final int MIN_EXP = -16445;
    /** Largest exponent of the significand's last bit: the largest finite value is (2^64-1)*2^16320. */
    private static final int MAX_EXP = 16320;
    /** Redis's MAX_LONG_DOUBLE_CHARS: longer arguments are not valid floats. */
    private static final int MAX_CHARS = 5 * 1024;
    private static final double LOG2_10 = Math.log(10) / Math.log(2);
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    private LongDouble() {}

    /** Parses as {@code string2ld}; null when Redis would answer "value is not a valid float". */
    public static Value parse(byte[] s) {
        if (s.length == 0 || s.length >= MAX_CHARS) {
            return null;
        }
        int i = 0;
        int sign = 1;
        if (s[0] == '+' || s[0] == '-') {
            sign = s[0] == '-' ? -1 : 1;
            i = 1;
        }
        String rest = new String(s, i, s.length - i, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
            return new Value(null, sign);
        }
        BigDecimal exact = rest.length() > 1 && rest.charAt(0) == '0'
                && (rest.charAt(1) == 'x' || rest.charAt(1) == 'X')
                ? parseHex(rest.substring(2)) : parseDecimal(rest);
        if (exact == null) {
            return null;
        }
        if (exact.signum() == 0) {
            return new Value(BigDecimal.ZERO, 0);
        }
        BigDecimal rounded = round(exact);
        if (rounded == null || rounded.signum() == 0) {
            return null; // strtold's ERANGE: overflow to HUGE_VAL or underflow to zero
        }
        return new Value(sign < 0 ? rounded.negate() : rounded, 0);
    }

    /** {@code a + b} in long double; null if the sum is infinite or NaN. */
    public static BigDecimal add(Value a, Value b) {
        if (a.isInfinite() || b.isInfinite()) {
            return null;
        }
        BigDecimal sum = a.finite().add(b.finite());
        return sum.signum() == 0 ? BigDecimal.ZERO : round(sum);
    }

    /** Redis's human-friendly long double text: {@code %.17Lf}, trailing zeros and '.' removed, "-0" as "0". */
    public static String format(BigDecimal v) {
        String s = v.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        s = s.substring(0, end);
        return s.equals("-0") ? "0" : s;
    }

    /** Rounds a non-zero exact value to the nearest long double; null on overflow (infinity). */
    private static BigDecimal round(BigDecimal x) {
        BigInteger u = x.unscaledValue().abs();
        int scale = x.scale(); // |x| = u * 10^-scale
        double log2 = u.bitLength() - scale * LOG2_10; // within a couple of bits of log2|x|
        if (log2 > MAX_EXP + SIGNIFICAND_BITS + 8) {
            return null;
        }
        if (log2 < MIN_EXP - 8) {
            return BigDecimal.ZERO;
        }
        // Find e with 2^63 <= |x| / 2^e < 2^64 (or e = MIN_EXP for a subnormal), using integers only.
        int e = (int) Math.floor(log2) - (SIGNIFICAND_BITS - 1);
        while (true) {
            int bits = scaled(u, scale, e)[0].bitLength();
            if (bits > SIGNIFICAND_BITS) {
                e++;
            } else if (bits < SIGNIFICAND_BITS && e > MIN_EXP) {
                e--;
            } else {
                break;
            }
        }
        e = Math.max(e, MIN_EXP);
        BigInteger[] qr = scaled(u, scale, e);
        BigInteger m = qr[0];
        int half = qr[1].shiftLeft(1).compareTo(qr[2]);
        if (half > 0 || (half == 0 && m.testBit(0))) { // round half to even
            m = m.add(BigInteger.ONE);
        }
        if (m.bitLength() > SIGNIFICAND_BITS) { // rounded up to 2^64
            m = m.shiftRight(1);
            e++;
        }
        if (e > MAX_EXP) {
            return null;
        }
        BigDecimal r = scaleByPowerOfTwo(new BigDecimal(m), e);
        return x.signum() < 0 ? r.negate() : r;
    }

    /** {quotient, remainder, divisor} of {@code u * 10^-scale / 2^e}. */
    private static BigInteger[] scaled(BigInteger u, int scale, int e) {
        BigInteger num = u;
        BigInteger den = BigInteger.ONE;
        if (scale > 0) {
            den = BigInteger.TEN.pow(scale);
        } else if (scale < 0) {
            num = num.multiply(BigInteger.TEN.pow(-scale));
        }
        if (e > 0) {
            den = den.shiftLeft(e);
        } else {
            num = num.shiftLeft(-e);
        }
        BigInteger[] qr = num.divideAndRemainder(den);
        return new BigInteger[] {qr[0], qr[1], den};
    }

    /** Exactly {@code x * 2^n}. */
    private static BigDecimal scaleByPowerOfTwo(BigDecimal x, int n) {
        if (n >= 0) {
            return x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(n)));
        }
        // 2^-k = 5^k / 10^k
        return x.multiply(new BigDecimal(FIVE.pow(-n))).movePointLeft(-n);
    }

    /** strtold's decimal form: digits [. digits] or . digits, then an optional e[sign]digits. */
    private static BigDecimal parseDecimal(String t) {
        int n = t.length();
        int i = 0;
        StringBuilder digits = new StringBuilder();
        int fraction = 0;
        boolean any = false;
        while (i < n && isDigit(t.charAt(i))) {
            digits.append(t.charAt(i++));
            any = true;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                digits.append(t.charAt(i++));
                fraction++;
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        long exp = 0;
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            long[] parsed = parseExponent(t, i);
            if (parsed == null) {
                return null;
            }
            exp = parsed[0];
            i = (int) parsed[1];
        }
        if (i != n) {
            return null;
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        if (unscaled.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long scale = fraction - exp;
        if (Math.abs(scale) > 100_000) { // far outside the long double range either way
            return scale < 0 ? BigDecimal.TEN.pow(20_000) : BigDecimal.ONE.movePointLeft(20_000);
        }
        return new BigDecimal(unscaled, (int) scale);
    }

    /** strtold's hexadecimal form after "0x": hexdigits [. hexdigits] then an optional p[sign]digits. */
    private static BigDecimal parseHex(String t) {
        int n = t.length();
        int i = 0;
        BigInteger mantissa = BigInteger.ZERO;
        int fractionBits = 0;
        boolean any = false;
        while (i < n && Character.digit(t.charAt(i), 16) >= 0) {
            mantissa = mantissa.shiftLeft(4).add(BigInteger.valueOf(Character.digit(t.charAt(i++), 16)));
            any = true;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && Character.digit(t.charAt(i), 16) >= 0) {
                mantissa = mantissa.shiftLeft(4).add(BigInteger.valueOf(Character.digit(t.charAt(i++), 16)));
                fractionBits += 4;
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        long exp = 0;
        if (i < n && (t.charAt(i) == 'p' || t.charAt(i) == 'P')) {
            i++;
            long[] parsed = parseExponent(t, i);
            if (parsed == null) {
                return null;
            }
            exp = parsed[0];
            i = (int) parsed[1];
        }
        if (i != n) {
            return null;
        }
        if (mantissa.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long shift = exp - fractionBits;
        if (Math.abs(shift) > 40_000) {
            return shift > 0 ? BigDecimal.TEN.pow(20_000) : BigDecimal.ONE.movePointLeft(20_000);
        }
        return scaleByPowerOfTwo(new BigDecimal(mantissa), (int) shift);
    }

    /** [sign]digits starting at {@code i}: {value (saturated), index after}; null if no digit. */
    private static long[] parseExponent(String t, int i) {
        int n = t.length();
        int sign = 1;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            sign = t.charAt(i) == '-' ? -1 : 1;
            i++;
        }
        if (i >= n || !isDigit(t.charAt(i))) {
            return null;
        }
        long v = 0;
        while (i < n && isDigit(t.charAt(i))) {
            v = Math.min(v * 10 + (t.charAt(i++) - '0'), 1_000_000_000L);
        }
        return new long[] {sign * v, i};
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
