package io.goredis.command.keys;

import java.util.Arrays;

/**
 * A Redis glob pattern (KEYS, SCAN MATCH), matching exactly as Redis's {@code stringmatchlen} in
 * util.c: {@code *}, {@code ?}, {@code [abc]}, {@code [^abc]}, {@code [a-z]} (reversed ranges
 * allowed), {@code \} escapes, case-sensitive, bytes compared as C's signed {@code char}.
 *
 * <p>Redis's recursive matcher gives up as soon as a later {@code *} has tried every position
 * ({@code skipLongerMatches}), so only the innermost star ever backtracks. That makes it equal to
 * the iterative matcher below, which needs no stack however many stars the pattern has.
 *
 * <p>Like Redis 7.0.15 as shipped (the CVE-2024-31228 fix), a match that would nest more than
 * {@value #MAX_NESTING} stars deep fails.
 */
public final class Glob {

    /** Redis's {@code if (nesting > 1000) return 0;} in {@code stringmatchlen_impl}. */
    static final int MAX_NESTING = 1000;

    private final byte[] pattern;

    private Glob(byte[] pattern) {
        this.pattern = pattern;
    }

    public static Glob compile(byte[] pattern) {
        return new Glob(Arrays.copyOf(pattern, pattern.length));
    }

    /**
     * True when the pattern is exactly {@code *}: Redis then skips matching altogether, so even the
     * empty key matches (while {@code **} does not match it).
     */
    public boolean matchesAll() {
        return pattern.length == 1 && pattern[0] == '*';
    }

    /** Whether {@code key} matches, as KEYS and SCAN decide it (with the {@code *} shortcut). */
    public boolean matches(byte[] key) {
        return matchesAll() || stringMatch(pattern, key);
    }

    /**
     * Redis's {@code stringmatchlen(pattern, string, nocase=1)} (FUNCTION LIST LIBRARYNAME), as the
     * case-sensitive match of both lower-cased (ASCII).
     */
    public static boolean matchesIgnoreCase(byte[] pattern, byte[] str) {
        return stringMatch(lower(pattern), lower(str));
    }

    private static byte[] lower(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] += 32;
            }
        }
        return out;
    }

    /** Redis's {@code stringmatchlen(pattern, string, nocase=0)}, without the KEYS shortcut. */
    static boolean stringMatch(byte[] pat, byte[] str) {
        final int plen = pat.length;
        final int slen = str.length;
        int p = 0;
        int s = 0;
        int starP = -1; // pattern index of the innermost '*' still backtracking
        int starS = -1; // string index that star's continuation last started from
        int stars = 0;  // stars entered so far: Redis's recursion depth
        while (true) {
            boolean failed = false;
            // The body of Redis's while (patternLen && stringLen) loop.
            while (p < plen && s < slen) {
                byte c = pat[p];
                if (c == '*') {
                    while (at(pat, p + 1) == '*') {
                        p++;
                    }
                    if (plen - p == 1) {
                        return true;
                    }
                    if (++stars > MAX_NESTING) {
                        return false;
                    }
                    starP = p;
                    starS = s;
                    p++; // try the rest of the pattern from here; backtrack below on failure
                    continue;
                } else if (c == '?') {
                    s++;
                } else if (c == '[') {
                    p++;
                    boolean not = at(pat, p) == '^';
                    if (not) {
                        p++;
                    }
                    boolean match = false;
                    byte sc = str[s];
                    while (true) {
                        if (at(pat, p) == '\\' && plen - p >= 2) {
                            p++;
                            if (pat[p] == sc) {
                                match = true;
                            }
                        } else if (at(pat, p) == ']') {
                            break;
                        } else if (p >= plen) {
                            p--; // unterminated class: step back so the p++ below ends the pattern
                            break;
                        } else if (plen - p >= 3 && pat[p + 1] == '-') {
                            int start = pat[p];
                            int end = pat[p + 2];
                            if (start > end) {
                                int t = start;
                                start = end;
                                end = t;
                            }
                            p += 2;
                            if (sc >= start && sc <= end) {
                                match = true;
                            }
                        } else if (pat[p] == sc) {
                            match = true;
                        }
                        p++;
                    }
                    if (not) {
                        match = !match;
                    }
                    if (!match) {
                        failed = true;
                        break;
                    }
                    s++;
                } else {
                    if (c == '\\' && plen - p >= 2) {
                        p++;
                    }
                    if (pat[p] != str[s]) {
                        failed = true;
                        break;
                    }
                    s++;
                }
                p++;
                if (s == slen) {
                    while (at(pat, p) == '*') {
                        p++;
                    }
                    break;
                }
            }
            if (!failed && p >= plen && s == slen) {
                return true;
            }
            // No match from here: let the innermost star swallow one more byte, if it can.
            if (starP < 0) {
                return false;
            }
            starS++;
            if (starS >= slen) {
                return false;
            }
            p = starP + 1;
            s = starS;
        }
    }

    /** The pattern byte at {@code i}, or 0 past the end (Redis reads the sds NUL terminator there). */
    private static byte at(byte[] pat, int i) {
        return i < pat.length ? pat[i] : 0;
    }
}
