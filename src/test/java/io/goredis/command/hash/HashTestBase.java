package io.goredis.command.hash;

import io.goredis.command.TestContext;
import io.goredis.protocol.Reply;
import io.goredis.protocol.ReplyWriter;
import io.goredis.store.Entry;
import io.goredis.store.MutableClock;
import io.goredis.store.Store;
import io.goredis.store.memory.InMemoryStore;
import io.goredis.store.value.HashValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Fixture for the hash command tests: the in-memory store (no background expiry), a
 * {@link TestContext}, and two renderings of a reply: {@link #run} a compact one (":1", "$-1",
 * "$abc", "*2 $a $b", "%1 $a $b" for a map, "-ERR ..."), {@link #wire} the bytes the server's
 * {@link ReplyWriter} sends in the session's protocol. The {@code *OnDynamoIT} subclasses rerun
 * every test over DynamoDB Local. Expected literals are redis-server 7.0.15's.
 */
abstract class HashTestBase {

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

    /** 2023-11-14T22:13:20Z: any fixed instant works for the in-memory store. */
    long startMillis() {
        return 1_700_000_000_000L;
    }

    /** The store under test: in-memory, no background expiry. */
    Store newStore(MutableClock clock) {
        return new InMemoryStore(clock, 16, Duration.ZERO);
    }

    /** Rounds of the randomized tests (fewer where each command is a network round trip). */
    int rounds(int inMemory) {
        return inMemory;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    String run(String... words) {
        return show(ctx.run(words));
    }

    String run(List<byte[]> argv) {
        return show(ctx.run(argv));
    }

    /** The reply's bytes as the server writes them in the session's protocol (ISO-8859-1 text). */
    String wire(String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReplyWriter writer = new ReplyWriter(out);
            writer.write(ctx.run(words), ctx.session().protocol());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static String show(Reply r) {
        return switch (r) {
            case Reply.IntReply i -> ":" + i.value();
            case Reply.NullReply n -> "$-1";
            case Reply.ErrorReply e -> "-" + e.message();
            case Reply.BulkReply bulk -> "$" + s(bulk.value());
            case Reply.SimpleString s -> "+" + s.value();
            case Reply.ArrayReply a -> join("*", a.items());
            case Reply.MapReply m -> {
                List<Reply> flat = new ArrayList<>();
                for (int i = 0; i < m.keys().size(); i++) {
                    flat.add(m.keys().get(i));
                    flat.add(m.values().get(i));
                }
                yield "%" + m.keys().size() + (flat.isEmpty() ? "" : " ")
                        + flat.stream().map(HashTestBase::show).collect(Collectors.joining(" "));
            }
            default -> r.toString();
        };
    }

    private static String join(String type, List<Reply> items) {
        return items.stream().map(HashTestBase::show)
                .collect(Collectors.joining(" ", type + items.size() + (items.isEmpty() ? "" : " "), ""));
    }

    Optional<Entry> entry(String key) {
        return store.get(0, b(key));
    }

    /** A copy of the stored hash (read under the store's lock), or null. */
    HashValue hash(String key) {
        return store.read(0, b(key), e -> e.map(x -> ((HashValue) x.value()).copy()).orElse(null));
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

    static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
