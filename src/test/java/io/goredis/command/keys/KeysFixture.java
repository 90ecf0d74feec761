package io.goredis.command.keys;

import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A store, a hand-driven clock shared by store and context, and a {@link TestContext} over them.
 * {@link #run} renders the reply compactly: {@code :1}, {@code +OK}, {@code -ERR ...},
 * {@code "bulk"}, {@code (nil)}, {@code [a, b]}.
 */
final class KeysFixture {

    /** 2026-01-01T00:00:00Z: a fixed, realistic "now" for the in-memory runs. */
    static final long FIXED_NOW = 1_767_225_600_000L;

    /** The clock's starting time; tests compute expiries from it. */
    final long now;
    final MutableClock clock;
    final Store store;
    final TestContext ctx;

    /** The in-memory store, without its background expiry thread: tests move the clock. */
    KeysFixture() {
        this(FIXED_NOW, clock -> new InMemoryStore(clock, 16, Duration.ZERO));
    }

    /** Another store (e.g. DynamoDB Local), built on the fixture's clock, starting at {@code now}. */
    KeysFixture(long now, Function<MutableClock, Store> stores) {
        this.now = now;
        this.clock = new MutableClock(now);
        this.store = stores.apply(clock);
        this.ctx = new TestContext(store, clock);
    }

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

    /** Keys {@code prefix0 .. prefix(n-1)}, value "v", written from many threads (fast on DynamoDB). */
    void setMany(String prefix, int n) {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < n; i++) {
                String key = prefix + i;
                pool.submit(() -> set(key, "v"));
            }
        }
    }

    void set(int db, String key, String value, long expireAtMillis) {
        store.put(db, bytes(key), bytes(value), expireAtMillis);
    }

    String get(int db, String key) {
        return store.get(db, bytes(key)).map(e -> new String(e.bytes(), StandardCharsets.ISO_8859_1)).orElse(null);
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
            case Reply.Pinned p -> render(p.reply());
            case Reply.BigNumberReply n -> "(" + n.digits();
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
