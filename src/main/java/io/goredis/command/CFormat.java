package io.goredis.command;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code printf("%.<p>g")} for doubles, as glibc prints them: Redis formats Lua numbers passed to
 * {@code redis.call} with {@code %.17g} and double replies the same way; Java's own {@code %g} differs
 * (no trailing-zero removal, other exponent form). Exact: the double's decimal expansion is rounded
 * half-even to {@code p} significant digits, as glibc does.
 */
public final class CFormat {

    private CFormat() {}

    public static String g(double v, int precision) {
        int p = Math.max(precision, 1);
        if (Double.isNaN(v)) {
            return Double.doubleToRawLongBits(v) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
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
        return sign + trimZeros(mantissa) + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
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
}
