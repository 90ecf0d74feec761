package io.goredis.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Race;
import io.goredis.store.txn.Optimistic;
import io.goredis.store.value.HashValue;
import io.goredis.store.value.ListValue;
import io.goredis.store.value.SetValue;
import io.goredis.store.value.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The typed-value half of the {@link Store} contract, mixed into {@link StoreContractTest} so every
 * store passes it: hashes, sets and lists keep their type, contents, expiry and version through writes,
 * reads, renames and transactions; updaters that change a collection in place are atomic; and a
 * reader never sees a half-applied write.
 */
public interface TypedValueContract {

    Store storeUnderTest();

    MutableClock clockUnderTest();

    int concurrentClients();

    int incrementsPerClient();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static HashValue hashOf(Optional<Entry> e) {
        return e.isEmpty() ? new HashValue() : (HashValue) e.get().value();
    }

    /** HSET-style update: sets {@code field} in the hash at {@code key}, keeping its expiry. */
    private long hset(String key, String field, String value) {
        return storeUnderTest().update(0, b(key), cur -> {
            HashValue h = hashOf(cur);
            boolean added = h.put(b(field), b(value));
            return Decision.put(h, cur.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY), added ? 1L : 0L);
        });
    }

    private String hget(String key, String field) {
        return storeUnderTest().read(0, b(key), e -> {
            byte[] v = e.isEmpty() ? null : ((HashValue) e.get().value()).get(b(field));
            return v == null ? null : s(v);
        });
    }

    @Test
    default void hash_writtenAndReadBack_keepsTypeContentsAndExpiry() {
        Store store = storeUnderTest();
        assertEquals(1L, hset("h", "f1", "v1"));
        assertEquals(1L, hset("h", "f2", ""));
        assertEquals(0L, hset("h", "f1", "v1b"));
        Entry e = store.get(0, b("h")).orElseThrow();
        assertEquals(Type.HASH, e.type());
        assertEquals("v1b", hget("h", "f1"));
        assertEquals("", hget("h", "f2"));
        assertEquals(null, hget("h", "nope"));
        assertEquals(2L, (long) store.read(0, b("h"), x -> x.orElseThrow().value().size()));

        long at = clockUnderTest().millis() + 60_000;
        store.update(0, b("h"), cur -> Decision.put(cur.orElseThrow().value(), at, null));
        hset("h", "f3", "v3");
        Entry after = store.get(0, b("h")).orElseThrow();
        assertEquals(at, after.expireAtMillis());
        assertTrue(after.version() > e.version());
        assertEquals("listpack", store.read(0, b("h"), x -> x.orElseThrow().value().encoding()));
    }

    @Test
    default void hash_large_survivesAsHashtable() {
        Store store = storeUnderTest();
        store.update(0, b("big"), cur -> {
            HashValue h = hashOf(cur);
            for (int i = 0; i < 600; i++) {
                h.put(b("field:" + i), b("value:" + i));
            }
            return Decision.put(h, Entry.NO_EXPIRY, null);
        });
        hset("big", "long", "x".repeat(100));
        assertEquals("hashtable", store.read(0, b("big"), x -> x.orElseThrow().value().encoding()));
        assertEquals(601L, (long) store.read(0, b("big"), x -> x.orElseThrow().value().size()));
        assertEquals("value:599", hget("big", "field:599"));
        assertEquals("x".repeat(100), hget("big", "long"));
    }

    @Test
    default void set_writtenAndReadBack_intsetThenHashtable() {
        Store store = storeUnderTest();
        store.update(0, b("s"), cur -> {
            SetValue s = new SetValue();
            s.add(b("3"));
            s.add(b("-1"));
            s.add(b("20"));
            return Decision.put(s, Entry.NO_EXPIRY, null);
        });
        assertEquals(Type.SET, store.get(0, b("s")).orElseThrow().type());
        List<String> members = store.read(0, b("s"), e -> {
            List<String> out = new java.util.ArrayList<>();
            ((SetValue) e.orElseThrow().value()).forEach(m -> out.add(s(m)));
            return out;
        });
        assertEquals(List.of("-1", "3", "20"), members);
        assertEquals("intset", store.read(0, b("s"), e -> e.orElseThrow().value().encoding()));
        store.update(0, b("s"), cur -> {
            SetValue s = (SetValue) cur.orElseThrow().value();
            s.add(b("text"));
            return Decision.put(s, Entry.NO_EXPIRY, null);
        });
        assertEquals("hashtable", store.read(0, b("s"), e -> e.orElseThrow().value().encoding()));
        assertTrue((boolean) store.read(0, b("s"), e -> ((SetValue) e.orElseThrow().value()).contains(b("text"))));
        assertEquals(4L, (long) store.read(0, b("s"), e -> e.orElseThrow().value().size()));
    }

    @Test
    default void list_writtenAndReadBack_keepsOrderAndExpiry() {
        Store store = storeUnderTest();
        long expiry = clockUnderTest().millis() + 60_000;
        store.update(0, b("l"), cur -> {
            ListValue l = new ListValue();
            for (int i = 0; i < 40; i++) {
                l.pushBack(b("e" + i));
            }
            for (int i = 0; i < 10; i++) { // the ring wraps
                l.popFront();
                l.pushBack(b("w" + i));
            }
            return Decision.put(l, expiry, null);
        });
        Entry e = store.get(0, b("l")).orElseThrow();
        assertEquals(Type.LIST, e.type());
        assertEquals(expiry, e.expireAtMillis());
        assertEquals("quicklist", store.read(0, b("l"), x -> x.orElseThrow().value().encoding()));
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 10; i < 40; i++) {
            expected.add("e" + i);
        }
        for (int i = 0; i < 10; i++) {
            expected.add("w" + i);
        }
        assertEquals(expected, listOf("l"));
        store.update(0, b("l"), cur -> {
            ListValue l = (ListValue) cur.orElseThrow().value();
            l.insert(1, b("ins"));
            l.removeAt(0);
            l.set((int) l.size() - 1, b("last"));
            return Decision.put(l, cur.get().expireAtMillis(), null);
        });
        expected.set(0, "ins");
        expected.set(expected.size() - 1, "last");
        assertEquals(expected, listOf("l"));
        assertEquals(expiry, store.get(0, b("l")).orElseThrow().expireAtMillis());
    }

    private List<String> listOf(String key) {
        return storeUnderTest().read(0, b(key), e -> {
            List<String> out = new java.util.ArrayList<>();
            ((ListValue) e.orElseThrow().value()).forEach(x -> out.add(s(x)));
            return out;
        });
    }

    @Test
    default void rename_movesTheCollectionWhole() {
        Store store = storeUnderTest();
        hset("from", "a", "1");
        hset("from", "b", "2");
        store.updateAll(List.of(new KeyRef(0, b("from")), new KeyRef(1, b("to"))), cur -> {
            Entry e = cur.get(0).orElseThrow();
            return new Decision.Multi<>(List.of(Mutation.DELETE, Mutation.put(e.value(), e.expireAtMillis())), null);
        });
        assertTrue(store.get(0, b("from")).isEmpty());
        assertEquals("2", store.read(1, b("to"), e -> s(((HashValue) e.orElseThrow().value()).get(b("b")))));
    }

    /** Many clients change one field of one hash in place: no increment is lost. */
    @Test
    default void hash_concurrentFieldIncrements_exact() throws Exception {
        Store store = storeUnderTest();
        int clients = Math.max(2, concurrentClients() / 5);
        int rounds = Math.max(5, incrementsPerClient() / 10);
        Race.run(clients, i -> {
            for (int n = 0; n < rounds; n++) {
                String round = Integer.toString(n);
                store.update(0, b("counter"), cur -> {
                    HashValue h = hashOf(cur);
                    byte[] old = h.get(b("n"));
                    long v = old == null ? 0 : Long.parseLong(s(old));
                    h.put(b("n"), b(Long.toString(v + 1)));
                    h.put(b("client:" + i), b(round));
                    return Decision.put(h, Entry.NO_EXPIRY, null);
                });
            }
            return null;
        });
        assertEquals(Long.toString((long) clients * rounds), hget("counter", "n"));
        assertEquals(clients + 1L, (long) store.read(0, b("counter"), e -> e.orElseThrow().value().size()));
    }

    /** A writer sets two fields to the same value in one update; readers never see them differ. */
    @Test
    default void hash_readerNeverSeesHalfAWrite() throws Exception {
        Store store = storeUnderTest();
        hset("pair", "a", "0");
        hset("pair", "b", "0");
        int rounds = Math.max(20, incrementsPerClient() / 5);
        AtomicInteger torn = new AtomicInteger();
        Race.run(3, i -> {
            for (int n = 1; n <= rounds; n++) {
                if (i == 0) {
                    String v = Integer.toString(n);
                    store.update(0, b("pair"), cur -> {
                        HashValue h = hashOf(cur);
                        h.put(b("a"), b(v));
                        for (int pad = 0; pad < 50; pad++) {
                            h.put(b("pad" + pad), b(v)); // grows past listpack once: in-place rehash
                        }
                        h.put(b("b"), b(v));
                        return Decision.put(h, Entry.NO_EXPIRY, null);
                    });
                } else {
                    boolean same = store.read(0, b("pair"), e -> {
                        HashValue h = (HashValue) e.orElseThrow().value();
                        return java.util.Arrays.equals(h.get(b("a")), h.get(b("b")));
                    });
                    if (!same) {
                        torn.incrementAndGet();
                    }
                }
            }
            return null;
        });
        assertEquals(0, torn.get());
    }

    /** A transaction changes its own copy: the store's hash is untouched until the commit. */
    @Test
    default void transaction_changesItsOwnCopy_untilCommit() {
        Store store = storeUnderTest();
        hset("th", "f", "before");
        Optional<String> seenInside = Optimistic.run(store, clockUnderTest(), Map.of(), view -> {
            view.update(0, b("th"), cur -> {
                HashValue h = hashOf(cur);
                h.put(b("f"), b("after"));
                h.put(b("g"), b("new"));
                return Decision.put(h, Entry.NO_EXPIRY, null);
            });
            // the base store still holds the old contents while the transaction runs
            return hget("th", "f") + "/" + view.read(0, b("th"), e -> s(((HashValue) e.orElseThrow().value()).get(b("f"))));
        }, () -> { });
        assertEquals("before/after", seenInside.orElseThrow());
        assertEquals("after", hget("th", "f"));
        assertEquals("new", hget("th", "g"));
    }

    /** Copying a set (COPY) gives a value that changes independently of the source. */
    @Test
    default void copiedSet_isIndependent() {
        Store store = storeUnderTest();
        store.update(0, b("src"), cur -> {
            SetValue s = new SetValue();
            s.add(b("a"));
            return Decision.put(s, Entry.NO_EXPIRY, null);
        });
        store.updateAll(List.of(new KeyRef(0, b("src")), new KeyRef(0, b("dst"))), cur -> new Decision.Multi<>(
                List.of(Mutation.KEEP, Mutation.put(cur.get(0).orElseThrow().value().copy(), Entry.NO_EXPIRY)), null));
        store.update(0, b("dst"), cur -> {
            SetValue s = (SetValue) cur.orElseThrow().value();
            s.add(b("b"));
            return Decision.put(s, Entry.NO_EXPIRY, null);
        });
        TreeSet<String> src = store.read(0, b("src"), e -> {
            TreeSet<String> out = new TreeSet<>();
            ((SetValue) e.orElseThrow().value()).forEach(m -> out.add(s(m)));
            return out;
        });
        assertEquals(new TreeSet<>(List.of("a")), src);
        assertEquals(2L, (long) store.read(0, b("dst"), e -> e.orElseThrow().value().size()));
        assertNotEquals(store.get(0, b("src")).orElseThrow().value(), store.get(0, b("dst")).orElseThrow().value());
        assertArrayEquals(b("a"), store.read(0, b("src"), e -> ((SetValue) e.orElseThrow().value()).random(new java.util.Random(1))));
    }
}
