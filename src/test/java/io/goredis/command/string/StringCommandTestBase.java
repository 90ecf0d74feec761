package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Fixture for string command tests: the real in-memory store (no background expiry, so a test
 * controls time through {@link #clock}), a {@link TestContext}, and assertions on replies written as
 * RESP2 text, the way redis-cli's raw output of a real redis-server 7.0 reads.
 */
abstract class StringCommandTestBase {

    /** The instant every test starts at, a whole second (EXAT arithmetic in tests relies on it). */
    long now;

    MutableClock clock;
    Store store;
    TestContext ctx;

    @BeforeEach
    void setUpContext() {
        now = startMillis();
        clock = new MutableClock(now);
        store = newStore(clock);
        ctx = new TestContext(store, clock);
    }

    /** 2023-11-14T22:13:20Z by default: any fixed instant works for the in-memory store. */
    long startMillis() {
        return 1_700_000_000_000L;
    }

    /** The store under test, judging expiry by {@code clock}: in-memory, no background expiry. */
    Store newStore(MutableClock clock) {
        return new InMemoryStore(clock, 16, Duration.ZERO);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Runs a command and answers its reply as RESP2 text. */
    String run(String... words) {
        return Resp2.encode(ctx.run(words));
    }

    /** Runs raw argv and answers its reply as RESP2 text. */
    String run(List<byte[]> argv) {
        return Resp2.encode(ctx.run(argv));
    }

    void assertOk(String... words) {
        assertEquals("+OK\r\n", run(words));
    }

    void assertNil(String... words) {
        assertEquals("$-1\r\n", run(words));
    }

    void assertBulk(String expected, String... words) {
        assertEquals(Resp2.encode(Reply.bulk(expected)), run(words));
    }

    void assertInt(long expected, String... words) {
        assertEquals(":" + expected + "\r\n", run(words));
    }

    void assertError(String expected, String... words) {
        assertEquals("-" + expected + "\r\n", run(words));
    }

    /** The stored value, or null. */
    String stored(String key) {
        return store.get(0, key.getBytes(StandardCharsets.UTF_8))
                .map(e -> new String(e.bytes(), StandardCharsets.ISO_8859_1))
                .orElse(null);
    }

    /** The stored absolute expiry (0 for none), or -2 when absent, like PTTL's conventions. */
    long expireAt(String key) {
        return store.get(0, key.getBytes(StandardCharsets.UTF_8)).map(e -> e.expireAtMillis()).orElse(-2L);
    }

    long hits() {
        return ctx.counters().keyspaceHits.sum();
    }

    long misses() {
        return ctx.counters().keyspaceMisses.sum();
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
