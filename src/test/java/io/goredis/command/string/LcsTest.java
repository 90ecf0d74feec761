package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.protocol.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expected replies copied from redis-server 7.0.15. */
class LcsTest extends StringCommandTestBase {

    @BeforeEach
    void values() {
        assertOk("MSET", "key1", "ohmytext", "key2", "mynewtext", "x1", "abcabcXYZab", "x2", "zabcYabXYZba");
    }

    private static String range(int a0, int a1, int b0, int b1) {
        return "*2\r\n*2\r\n:" + a0 + "\r\n:" + a1 + "\r\n*2\r\n:" + b0 + "\r\n:" + b1 + "\r\n";
    }

    private static String range(int a0, int a1, int b0, int b1, int len) {
        return "*3\r\n*2\r\n:" + a0 + "\r\n:" + a1 + "\r\n*2\r\n:" + b0 + "\r\n:" + b1 + "\r\n:" + len + "\r\n";
    }

    private static String idx(int len, String... matches) {
        return "*4\r\n$7\r\nmatches\r\n*" + matches.length + "\r\n" + String.join("", matches)
                + "$3\r\nlen\r\n:" + len + "\r\n";
    }

    @Test
    void lcs_string() {
        assertBulk("mytext", "LCS", "key1", "key2");
        assertBulk("abcabXYZb", "LCS", "x1", "x2");
        assertEquals("$0\r\n\r\n", run("LCS", "key1", "nokey"));
    }

    @Test
    void lcs_len() {
        assertInt(6, "LCS", "key1", "key2", "LEN");
        assertInt(0, "LCS", "nok1", "nok2", "len");
    }

    @Test
    void lcs_idx() {
        assertEquals(idx(6, range(4, 7, 5, 8), range(2, 3, 0, 1)), run("LCS", "key1", "key2", "IDX"));
        assertEquals(idx(6, range(4, 7, 5, 8)), run("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4"));
        assertEquals(idx(6, range(4, 7, 5, 8, 4)),
                run("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"));
        assertEquals(idx(6, range(4, 7, 5, 8, 4), range(2, 3, 0, 1, 2)),
                run("LCS", "key1", "key2", "IDX", "WITHMATCHLEN"));
        assertEquals(idx(0), run("LCS", "key1", "nokey", "IDX"));
    }

    @Test
    void lcs_idxRangesWalkLikeRedis() {
        assertEquals(idx(9, range(10, 10, 10, 10, 1), range(6, 8, 7, 9, 3), range(3, 4, 5, 6, 2),
                        range(0, 2, 1, 3, 3)),
                run("LCS", "x1", "x2", "IDX", "WITHMATCHLEN"));
        assertEquals(idx(9, range(10, 10, 10, 10), range(6, 8, 7, 9), range(3, 4, 5, 6), range(0, 2, 1, 3)),
                run("lcs", "x1", "x2", "idx", "minmatchlen", "-5"));
    }

    @Test
    void lcs_idxIsAMapInResp3() {
        ctx.session().protocol(3);
        Reply r = ctx.run("LCS", "key1", "key2", "IDX");
        assertEquals(Reply.MapReply.class, r.getClass());
    }

    @Test
    void lcs_errors() {
        assertError("ERR If you want both the length and indexes, please just use IDX.",
                "LCS", "key1", "key2", "LEN", "IDX");
        assertError("ERR syntax error", "LCS", "key1", "key2", "MINMATCHLEN");
        assertError("ERR value is not an integer or out of range", "LCS", "key1", "key2", "MINMATCHLEN", "x");
        assertError("ERR syntax error", "LCS", "key1", "key2", "FOO");
    }

    @Test
    void lcs_countsKeyspaceHits() {
        run("LCS", "key1", "nokey");
        assertEquals(1, hits());
        assertEquals(1, misses());
    }
}
