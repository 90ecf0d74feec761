package io.goredis.store.value;

/** Redis's strict integer test ({@code string2ll}): what decides a set member fits an intset. */
final class Longs {

    private Longs() {}

    /**
     * The value of {@code s} if it is the canonical decimal form of a 64-bit integer (optional
     * '-', no leading zeros, no '+', no spaces, "-0" excluded), else null.
     */
    static Long parse(byte[] s) {
        int n = s.length;
        if (n == 0 || n > 20) {
            return null;
        }
        if (n == 1 && s[0] == '0') {
            return 0L;
        }
        int i = 0;
        boolean negative = false;
        if (s[0] == '-') {
            negative = true;
            i = 1;
            if (n == 1) {
                return null;
            }
        }
        if (s[i] < '1' || s[i] > '9') {
            return null;
        }
        long v = 0; // accumulate negatively: Long.MIN_VALUE has no positive twin
        for (; i < n; i++) {
            int d = s[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                return null;
            }
            v = v * 10 - d;
        }
        if (negative) {
            return v;
        }
        return v == Long.MIN_VALUE ? null : -v;
    }

    /** The decimal bytes of {@code v}. */
    static byte[] bytes(long v) {
        return Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
