package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {

    private final KeysFixture f = new KeysFixture();

    @Test
    void keys_matchesPattern() {
        f.set("hello", "1");
        f.set("hallo", "1");
        f.set("hxllo", "1");
        f.set("other", "1");
        assertEquals(sorted("hallo", "hello"), sortedReply(f.run("KEYS", "h[ae]llo")));
        assertEquals(sorted("hallo", "hello", "hxllo"), sortedReply(f.run("KEYS", "h?llo")));
        assertEquals("[]", f.run("KEYS", "nomatch*"));
    }

    @Test
    void keys_starIncludesEmptyKeyButDoubleStarDoesNot() {
        // redis-server 7.0: SET "" v; KEYS * -> [""]; KEYS ** -> []
        f.set("", "v");
        assertEquals("[\"\"]", f.run("KEYS", "*"));
        assertEquals("[]", f.run("KEYS", "**"));
    }

    @Test
    void keys_walksEveryPageOnce() {
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 2500; i++) { // more than one Keys.PAGE
            f.set("k" + i, "v");
            want.add("\"k" + i + "\"");
        }
        Collections.sort(want);
        assertEquals(want, sortedReply(f.run("KEYS", "k*")));
    }

    @Test
    void keys_skipsExpired() {
        f.set(0, "gone", "v", KeysFixture.NOW + 1);
        f.set("kept", "v");
        f.clock.advance(2);
        assertEquals("[\"kept\"]", f.run("KEYS", "*"));
    }

    @Test
    void keys_emptyDb() {
        assertEquals("[]", f.run("KEYS", "*"));
    }

    static List<String> sorted(String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            out.add("\"" + k + "\"");
        }
        Collections.sort(out);
        return out;
    }

    static List<String> sortedReply(String rendered) {
        String body = rendered.substring(1, rendered.length() - 1);
        List<String> out = new ArrayList<>(body.isEmpty() ? List.of() : List.of(body.split(", ")));
        Collections.sort(out);
        return out;
    }
}
