package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.command.Args;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {

    final KeysFixture f = fixture();

    /** The store under test; the {@code *OnDynamoIT} subclasses return DynamoDB Local's. */
    KeysFixture fixture() {
        return new KeysFixture();
    }

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
        // Pages of 7 keys over 60 keys: the walk crosses many page boundaries.
        f.setMany("k", 50);
        f.setMany("other", 10);
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            want.add("\"k" + i + "\"");
        }
        Collections.sort(want);
        Reply r = new Keys(7).execute(new Args(List.of(KeysFixture.bytes("k*")), 0), f.ctx);
        assertEquals(want, sortedReply(KeysFixture.render(r)));
    }

    @Test
    void keys_defaultPageOverManyKeys() {
        int n = manyKeys();
        f.setMany("k", n);
        assertEquals(n, sortedReply(f.run("KEYS", "*")).size());
    }

    /** More than two default pages; a DynamoDB run writes fewer (each write is a round trip). */
    int manyKeys() {
        return 2 * Keys.PAGE + 500;
    }

    @Test
    void keys_skipsExpired() {
        f.set(0, "gone", "v", f.now + 1);
        f.set("kept", "v");
        f.clock.advanceMillis(2);
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
