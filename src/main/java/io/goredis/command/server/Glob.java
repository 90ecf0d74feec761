package io.goredis.command.server;

/**
 * Redis's glob ({@code stringmatchlen}): {@code *}, {@code ?}, {@code [abc]}, {@code [^a-z]},
 * {@code \x} escapes. Used by CONFIG GET and COMMAND LIST FILTERBY PATTERN.
 */
public final class Glob {

    private Glob() {}

    public static boolean matches(String pattern, String text, boolean noCase) {
        return match(pattern, 0, text, 0, noCase);
    }

    private static boolean match(String p, int pi, String s, int si, boolean noCase) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            switch (c) {
                case '*' -> {
                    while (pi + 1 < p.length() && p.charAt(pi + 1) == '*') {
                        pi++;
                    }
                    if (pi + 1 == p.length()) {
                        return true;
                    }
                    for (int k = si; k <= s.length(); k++) {
                        if (match(p, pi + 1, s, k, noCase)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (si >= s.length()) {
                        return false;
                    }
                    si++;
                }
                case '[' -> {
                    if (si >= s.length()) {
                        return false;
                    }
                    pi++;
                    boolean not = pi < p.length() && p.charAt(pi) == '^';
                    if (not) {
                        pi++;
                    }
                    boolean hit = false;
                    char sc = s.charAt(si);
                    while (pi < p.length() && p.charAt(pi) != ']') {
                        char pc = p.charAt(pi);
                        if (pc == '\\' && pi + 1 < p.length()) {
                            pi++;
                            hit |= eq(p.charAt(pi), sc, noCase);
                        } else if (pi + 2 < p.length() && p.charAt(pi + 1) == '-') {
                            char lo = p.charAt(pi);
                            char hi = p.charAt(pi + 2);
                            if (lo > hi) {
                                char t = lo;
                                lo = hi;
                                hi = t;
                            }
                            char x = noCase ? Character.toLowerCase(sc) : sc;
                            if (noCase) {
                                lo = Character.toLowerCase(lo);
                                hi = Character.toLowerCase(hi);
                            }
                            hit |= x >= lo && x <= hi;
                            pi += 2;
                        } else {
                            hit |= eq(pc, sc, noCase);
                        }
                        pi++;
                    }
                    if (hit == not) {
                        return false;
                    }
                    si++;
                }
                case '\\' -> {
                    if (pi + 1 < p.length()) {
                        pi++;
                    }
                    if (si >= s.length() || !eq(p.charAt(pi), s.charAt(si), noCase)) {
                        return false;
                    }
                    si++;
                }
                default -> {
                    if (si >= s.length() || !eq(c, s.charAt(si), noCase)) {
                        return false;
                    }
                    si++;
                }
            }
            pi++;
        }
        return si == s.length();
    }

    private static boolean eq(char a, char b, boolean noCase) {
        return a == b || noCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
