package io.goredis.differential;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script line into arguments with Redis's inline rules ({@code sdssplitargs} in sds.c):
 * whitespace separates; "double quotes" understand {@code \n \r \t \b \a \xHH} and {@code \<c>};
 * 'single quotes' understand only {@code \'}; a closing quote must be followed by whitespace.
 * The same rules redis-cli uses, so a script line reads like a redis-cli command line.
 */
public final class InlineSplitter {

    private InlineSplitter() {}

    /** The arguments of {@code line}; IllegalArgumentException for unbalanced quotes. */
    public static List<byte[]> split(String line) {
        byte[] s = line.getBytes(StandardCharsets.UTF_8);
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        while (true) {
            while (p < s.length && isSpace(s[p])) {
                p++;
            }
            if (p >= s.length) {
                return out;
            }
            ByteArrayOutputStream cur = new ByteArrayOutputStream();
            boolean inDq = false;
            boolean inSq = false;
            boolean done = false;
            while (!done) {
                if (inDq) {
                    if (p >= s.length) {
                        throw new IllegalArgumentException("unbalanced double quote in: " + line);
                    }
                    if (s[p] == '\\' && p + 3 < s.length && s[p + 1] == 'x'
                            && isHex(s[p + 2]) && isHex(s[p + 3])) {
                        cur.write(Integer.parseInt(new String(s, p + 2, 2, StandardCharsets.US_ASCII), 16));
                        p += 3;
                    } else if (s[p] == '\\' && p + 1 < s.length) {
                        p++;
                        cur.write(switch (s[p]) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> s[p];
                        });
                    } else if (s[p] == '"') {
                        if (p + 1 < s.length && !isSpace(s[p + 1])) {
                            throw new IllegalArgumentException("closing quote must be followed by a space: " + line);
                        }
                        done = true;
                    } else {
                        cur.write(s[p]);
                    }
                } else if (inSq) {
                    if (p >= s.length) {
                        throw new IllegalArgumentException("unbalanced single quote in: " + line);
                    }
                    if (s[p] == '\\' && p + 1 < s.length && s[p + 1] == '\'') {
                        p++;
                        cur.write('\'');
                    } else if (s[p] == '\'') {
                        if (p + 1 < s.length && !isSpace(s[p + 1])) {
                            throw new IllegalArgumentException("closing quote must be followed by a space: " + line);
                        }
                        done = true;
                    } else {
                        cur.write(s[p]);
                    }
                } else {
                    if (p >= s.length || isSpace(s[p])) {
                        done = true;
                    } else if (s[p] == '"') {
                        inDq = true;
                    } else if (s[p] == '\'') {
                        inSq = true;
                    } else {
                        cur.write(s[p]);
                    }
                }
                if (p < s.length) {
                    p++;
                }
            }
            out.add(cur.toByteArray());
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0b;
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
