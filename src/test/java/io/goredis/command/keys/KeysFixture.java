package io.goredis.command.keys;

import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A store, a hand-driven clock shared by store and context, and a {@link TestContext} over them.
 * {@link #run} renders the reply compactly: {@code :1}, {@code +OK}, {@code -ERR ...},
 * {@code "bulk"}, {@code (nil)}, {@code [a, b]}.
 */
final class KeysFixture {

    /** 2026-01-01T00:00:00Z: a fixed, realistic "now". */
    static final long NOW = 1_767_225_600_000L;

    final MutableClock clock = new MutableClock(NOW);
    /** No background expiry thread: tests move the clock and lazy expiry does the rest. */
    final Store store = new InMemoryStore(clock, 16, Duration.ZERO);
    final TestContext ctx = new TestContext(store, clock);

    String run(String... words) {
        return render(ctx.run(words));
    }

    String runBytes(byte[]... argv) {
        return render(ctx.run(List.of(argv)));
    }

    /** SET without going through the string commands: value, no expiry, current db. */
    void set(String key, String value) {
        store.put(ctx.session().db(), bytes(key), bytes(value), 0);
    }

    void set(int db, String key, String value, long expireAtMillis) {
        store.put(db, bytes(key), bytes(value), expireAtMillis);
    }

    String get(int db, String key) {
        return store.get(db, bytes(key)).map(e -> new String(e.value(), StandardCharsets.ISO_8859_1)).orElse(null);
    }

    long expireAt(int db, String key) {
        return store.get(db, bytes(key)).orElseThrow().expireAtMillis();
    }

    long hits() {
        return ctx.counters().keyspaceHits.sum();
    }

    long misses() {
        return ctx.counters().keyspaceMisses.sum();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String render(Reply r) {
        return switch (r) {
            case Reply.SimpleString s -> "+" + s.value();
            case Reply.ErrorReply e -> "-" + e.message();
            case Reply.IntReply i -> ":" + i.value();
            case Reply.BulkReply b -> "\"" + new String(b.value(), StandardCharsets.ISO_8859_1) + "\"";
            case Reply.NullReply n -> "(nil)";
            case Reply.NullArray n -> "(nil array)";
            case Reply.ArrayReply a -> list(a.items());
            case Reply.MapReply m -> "map" + list(m.keys()) + list(m.values());
            case Reply.SetReply s -> "set" + list(s.items());
            case Reply.DoubleReply d -> "," + d.text();
            case Reply.VerbatimReply v -> "=" + new String(v.value(), StandardCharsets.ISO_8859_1);
            case Reply.BoolReply b -> "#" + b.value();
        };
    }

    private static String list(List<Reply> items) {
        List<String> out = new ArrayList<>();
        for (Reply r : items) {
            out.add(render(r));
        }
        return "[" + String.join(", ", out) + "]";
    }
}
