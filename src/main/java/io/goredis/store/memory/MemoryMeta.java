package io.goredis.store.memory;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.MetaStore;
import io.goredis.store.Mutation;
import io.goredis.store.Updater;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory store's {@link MetaStore}: a map, versions from one counter, updates under one lock. */
final class MemoryMeta implements MetaStore {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private long version;

    @Override
    public Optional<Entry> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    @Override
    public synchronized void put(String name, byte[] value) {
        entries.put(name, new Entry(value.clone(), Entry.NO_EXPIRY, ++version));
    }

    @Override
    public synchronized <R> R update(String name, Updater<R> updater) {
        Decision<R> d = updater.apply(get(name));
        switch (d.mutation()) {
            case Mutation.Keep keep -> { }
            case Mutation.Delete delete -> entries.remove(name);
            case Mutation.Put p -> entries.put(name, new Entry(p.value(), Entry.NO_EXPIRY, ++version));
        }
        return d.result();
    }

    @Override
    public synchronized boolean delete(String name) {
        return entries.remove(name) != null;
    }

    @Override
    public List<String> names(String prefix) {
        List<String> out = new ArrayList<>();
        for (String n : entries.keySet()) {
            if (n.startsWith(prefix)) {
                out.add(n);
            }
        }
        return out;
    }
}
