package io.goredis.command.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Race;
import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The multi-step commands race from many sessions on one in-memory store: each is one atomic store
 * call, so exactly one racer wins and nothing is lost or duplicated.
 */
class KeyspaceAtomicityTest {

    private static final int RACERS = 32;

    private final MutableClock clock = new MutableClock(KeysFixture.FIXED_NOW);
    private final Store store = new InMemoryStore(clock, 16, Duration.ZERO);

    @AfterEach
    void close() {
        store.close();
    }

    /** Runs {@code command(i)} in RACERS sessions released together; the rendered replies. */
    private List<String> race(IntFunction<String[]> command) throws Exception {
        List<TestContext> sessions = new ArrayList<>();
        List<String[]> commands = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            sessions.add(new TestContext(store, clock));
            commands.add(command.apply(i));
        }
        return Race.run(RACERS, i -> KeysFixture.render(sessions.get(i).run(commands.get(i))));
    }

    private static long count(List<String> replies, String reply) {
        return replies.stream().filter(reply::equals).count();
    }

    private void set(int db, String key) {
        store.put(db, KeysFixture.bytes(key), KeysFixture.bytes("v"), 0);
    }

    @Test
    void renamenx_oneWinnerPerTarget() throws Exception {
        for (int i = 0; i < RACERS; i++) {
            set(0, "src" + i);
        }
        List<String> replies = race(i -> new String[] {"RENAMENX", "src" + i, "target"});
        assertEquals(1, count(replies, ":1"));
        assertEquals(RACERS - 1, count(replies, ":0"));
        assertEquals(RACERS, store.stats(0).keys()); // RACERS-1 sources left, plus the target
    }

    @Test
    void move_oneWinnerAmongDatabases() throws Exception {
        set(0, "k");
        List<String> replies = race(i -> new String[] {"MOVE", "k", String.valueOf(1 + i % 15)});
        assertEquals(1, count(replies, ":1"));
        long copies = 0;
        for (int db = 0; db < 16; db++) {
            copies += store.stats(db).keys();
        }
        assertEquals(1, copies);
    }

    @Test
    void expireNx_oneWinner() throws Exception {
        set(0, "k");
        List<String> replies = race(i -> new String[] {"EXPIRE", "k", String.valueOf(100 + i), "NX"});
        assertEquals(1, count(replies, ":1"));
    }

    @Test
    void expireGt_endsAtTheLargest() throws Exception {
        store.put(0, KeysFixture.bytes("k"), KeysFixture.bytes("v"), KeysFixture.FIXED_NOW + 1);
        race(i -> new String[] {"PEXPIRE", "k", String.valueOf(1000 + i), "GT"});
        assertEquals(KeysFixture.FIXED_NOW + 1000 + RACERS - 1, store.get(0, KeysFixture.bytes("k")).orElseThrow().expireAtMillis());
    }

    @Test
    void rename_pingPongNeverLosesOrDuplicates() throws Exception {
        set(0, "a");
        race(i -> i % 2 == 0 ? new String[] {"RENAME", "a", "b"} : new String[] {"RENAME", "b", "a"});
        assertEquals(1, store.stats(0).keys());
    }

    @Test
    void copy_replaceRacesLeaveOneWholeValue() throws Exception {
        for (int i = 0; i < RACERS; i++) {
            store.put(0, KeysFixture.bytes("src" + i), KeysFixture.bytes("value" + i), 0);
        }
        List<String> replies = race(i -> new String[] {"COPY", "src" + i, "dst", "REPLACE"});
        assertEquals(RACERS, count(replies, ":1"));
        String v = new String(store.get(0, KeysFixture.bytes("dst")).orElseThrow().bytes());
        assertTrue(v.startsWith("value"), v);
    }
}
