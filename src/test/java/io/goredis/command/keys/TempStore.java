package io.goredis.command.keys;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Mutation;
import io.goredis.store.ScanPage;
import io.goredis.store.Store;
import io.goredis.store.Updater;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** TEMPORARY stand-in until InMemoryStore lands on main; remove then. */
final class TempStore implements Store {
    private final Clock clock;
    private final List<TreeMap<ByteBuffer, Entry>> dbs = new ArrayList<>();
    private long version;

    TempStore(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < 16; i++) {
            dbs.add(new TreeMap<>());
        }
    }

    private Optional<Entry> live(int db, byte[] key) {
        Entry e = dbs.get(db).get(ByteBuffer.wrap(key));
        if (e == null || e.isExpiredAt(clock.millis())) {
            return Optional.empty();
        }
        return Optional.of(e);
    }

    private void apply(int db, byte[] key, Mutation m) {
        if (m instanceof Mutation.Put p) {
            dbs.get(db).put(ByteBuffer.wrap(key.clone()), new Entry(p.value(), p.expireAtMillis(), ++version));
        } else if (m instanceof Mutation.Delete) {
            dbs.get(db).remove(ByteBuffer.wrap(key));
        }
    }

    @Override public synchronized Optional<Entry> get(int db, byte[] key) { return live(db, key); }

    @Override public synchronized long put(int db, byte[] key, byte[] value, long exp) {
        apply(db, key, Mutation.put(value, exp));
        return version;
    }

    @Override public synchronized boolean delete(int db, byte[] key) {
        boolean was = live(db, key).isPresent();
        dbs.get(db).remove(ByteBuffer.wrap(key));
        return was;
    }

    @Override public synchronized <R> R update(int db, byte[] key, Updater<R> u) {
        Decision<R> d = u.apply(live(db, key));
        apply(db, key, d.mutation());
        return d.result();
    }

    @Override public synchronized <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> u) {
        List<Optional<Entry>> cur = new ArrayList<>();
        for (KeyRef k : keys) {
            cur.add(live(k.db(), k.key()));
        }
        Decision.Multi<R> d = u.apply(cur);
        for (int i = 0; i < keys.size(); i++) {
            apply(keys.get(i).db(), keys.get(i).key(), d.mutations().get(i));
        }
        return d.result();
    }

    @Override public synchronized ScanPage scan(int db, long cursor, int count) {
        List<byte[]> all = new ArrayList<>();
        for (Map.Entry<ByteBuffer, Entry> e : dbs.get(db).entrySet()) {
            if (!e.getValue().isExpiredAt(clock.millis())) {
                byte[] k = new byte[e.getKey().remaining()];
                e.getKey().duplicate().get(k);
                all.add(k);
            }
        }
        int from = (int) Math.min(cursor, all.size());
        int to = (int) Math.min((long) from + count, all.size());
        return new ScanPage(to >= all.size() ? 0 : to, all.subList(from, to));
    }

    @Override public synchronized Optional<byte[]> randomKey(int db) {
        ScanPage p = scan(db, 0, Integer.MAX_VALUE);
        return p.keys().isEmpty() ? Optional.empty() : Optional.of(p.keys().get(0));
    }

    @Override public synchronized KeyspaceStats stats(int db) {
        long n = 0, x = 0;
        for (Entry e : dbs.get(db).values()) {
            if (!e.isExpiredAt(clock.millis())) { n++; if (e.hasExpiry()) x++; }
        }
        return new KeyspaceStats(n, x);
    }

    @Override public synchronized void flush(int db) { dbs.get(db).clear(); }
    @Override public synchronized void flushAll() { dbs.forEach(Map::clear); }
    @Override public synchronized void swap(int a, int b) {
        TreeMap<ByteBuffer, Entry> t = dbs.get(a); dbs.set(a, dbs.get(b)); dbs.set(b, t);
    }
    @Override public String name() { return "temp"; }
    @Override public void close() {}
    static Map<String, String> unused() { return new HashMap<>(); }
}
