package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GlobTest {

    /**
     * (pattern, key, matched): every row was answered by a real redis-server 7.0.15 with
     * {@code SET key v} then {@code KEYS pattern}. Strings are bytes as ISO-8859-1.
     */
    static Stream<Arguments> redisAnswers() {
        Object[][] rows = {
            {"*", "", true},
            {"**", "", false},
            {"", "", true},
            {"?", "", false},
            {"*", "a", true},
            {"**", "a", true},
            {"a*", "a", true},
            {"a**", "a", true},
            {"*a", "a", true},
            {"*a*", "bab", true},
            {"h?llo", "hello", true},
            {"h?llo", "hllo", false},
            {"h*llo", "hllo", true},
            {"h*llo", "heeeello", true},
            {"h[ae]llo", "hello", true},
            {"h[ae]llo", "hillo", false},
            {"h[^e]llo", "hallo", true},
            {"h[^e]llo", "hello", false},
            {"h[a-b]llo", "hbllo", true},
            {"h[a-b]llo", "hcllo", false},
            {"h[b-a]llo", "hallo", true},
            {"h\\*llo", "h*llo", true},
            {"h\\*llo", "hello", false},
            {"\\", "\\", true},
            {"a\\", "a\\", true},
            {"a\\", "a", false},
            {"[", "[", false},
            {"[", "", false},
            {"[a", "a", true},
            {"[a", "b", false},
            {"[]", "]", false},
            {"[]]", "]", false},
            {"[]a]", "a", false},
            {"[\\]]", "]", true},
            {"[\\]", "\\", false},
            {"[a-]", "-", false},
            {"[a-]", "a", true},
            {"[-a]", "-", true},
            {"[^]", "x", true},
            {"[^]]", "x", false},
            {"a[", "a", false},
            {"a[b", "ab", true},
            {"*[", "x[", false},
            {"x*", "x", true},
            {"x*y", "x", false},
            {"x*?", "x", false},
            {"x*?", "xy", true},
            {"*?*", "a", true},
            {"?*?", "a", false},
            {"?*?", "ab", true},
            {"a*b*c", "abc", true},
            {"a*b*c", "aXbYc", true},
            {"a*b*c", "acb", false},
            {"a*b*c", "abcc", true},
            {"*abc", "ababc", true},
            {"a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
            {"[a-c][x-z]", "by", true},
            {"[0-9]*", "7up", true},
            {"\\[a]", "[a]", true},
            {"\\[a]", "a", false},
            {"[*]", "*", true},
            {"[*]", "a", false},
            {"[?]", "?", true},
            {"[!a]", "b", false},
            {"[!a]", "!", true},
            {"A", "a", false},
            {"[A-Z]", "a", false},
            {"\\a", "a", true},
            {"\\?", "x", false},
            {"*\\", "x\\", true},
            {"[a-\\]", "b", false},
            {"[\\a-z]", "b", false},
            {"[\\a-z]", "-", true},
            {"[\\a-z]", "z", true},
            {"*b", "ab", true},
            {"a*", "b", false},
            {"*", "anything", true},
            {"a?c", "abc", true},
            {"a?c", "ac", false},
            {"a??", "a", false},
            {"[a-c-e]", "d", false},
            {"[a-c-e]", "-", true},
            {"[a-c-e]", "e", true},
            {"x\u0000y", "x\u0000y", true},
            {"*\u00ff", "a\u00ff", true},
            // Ranges compare C's signed char: 0x80..0xff sort below 'a'.
            {"[\u0080-\u00ff]", "\u0090", true},
            {"[a-\u00ff]", "b", false},
            {"[a-\u00ff]", "\u0090", false},
            {"[a-\u00ff]", "z", false},
            {"[\u0001-\u007f]", "\u0090", false},
        };
        return Stream.of(rows).map(r -> Arguments.of(r[0], r[1], r[2]));
    }

    @ParameterizedTest(name = "[{index}] KEYS {0} vs {1} -> {2}")
    @MethodSource("redisAnswers")
    void matches_asRedis(String pattern, String key, boolean expected) {
        assertEquals(expected, Glob.compile(latin1(pattern)).matches(latin1(key)));
    }

    @Test
    void matchesAll_onlyForSingleStar() {
        assertTrue(Glob.compile(latin1("*")).matchesAll());
        assertFalse(Glob.compile(latin1("**")).matchesAll());
        assertFalse(Glob.compile(latin1("a")).matchesAll());
    }

    @Test
    void compile_copiesPattern() {
        byte[] p = latin1("a*");
        Glob g = Glob.compile(p);
        p[0] = 'b';
        assertTrue(g.matches(latin1("abc")));
    }

    @Test
    @Timeout(5)
    void manyStars_nestingLimitAsRedis() {
        // Real redis-server 7.0.15 against a key of 100k 'a': "*a" x1000 matches, x1001 and more
        // do not (its nesting limit), and nothing here may overflow the stack or blow up.
        byte[] key = latin1("a".repeat(100_000));
        assertTrue(Glob.compile(latin1("*a".repeat(1000))).matches(key));
        assertFalse(Glob.compile(latin1("*a".repeat(1001))).matches(key));
        assertFalse(Glob.compile(latin1("*a".repeat(50_000))).matches(key));
        assertFalse(Glob.compile(latin1("*a".repeat(50_000) + "b")).matches(key));
    }

    @Test
    void manyStars_trailingStarIsNotNesting() {
        // 1000 nested stars then a trailing '*' (answered without recursing in Redis): still a match.
        assertTrue(Glob.compile(latin1("*a".repeat(1000) + "*")).matches(latin1("a".repeat(2000))));
        assertFalse(Glob.compile(latin1("*a".repeat(1001) + "*")).matches(latin1("a".repeat(2000))));
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
