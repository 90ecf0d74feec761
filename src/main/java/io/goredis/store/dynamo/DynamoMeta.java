package io.goredis.store.dynamo;

import io.goredis.store.Entry;
import io.goredis.store.MetaStore;
import io.goredis.store.Updater;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The DynamoDB store's {@link MetaStore}: items of the shared table whose partition key starts with
 * the byte {@value #META_DB} instead of a database index, written and versioned like keys (one
 * conditional write each), so every node reads the same scripts and libraries. Key commands never
 * reach them: databases are 0-15, and FLUSHALL skips this byte.
 */
final class DynamoMeta implements MetaStore {

    /** The partition-key byte of server data. */
    static final int META_DB = 0xFF;

    private final DynamoStore store;
    private final TableScanner scanner;

    DynamoMeta(DynamoStore store, TableScanner scanner) {
        this.store = store;
        this.scanner = scanner;
    }

    private static byte[] key(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Optional<Entry> get(String name) {
        return store.get(META_DB, key(name));
    }

    @Override
    public void put(String name, byte[] value) {
        store.put(META_DB, key(name), value, Entry.NO_EXPIRY);
    }

    @Override
    public <R> R update(String name, Updater<R> updater) {
        return store.update(META_DB, key(name), updater);
    }

    @Override
    public boolean delete(String name) {
        return store.delete(META_DB, key(name));
    }

    @Override
    public List<String> names(String prefix) {
        return scanner.liveKeys(META_DB, key(prefix)).stream()
                .map(k -> new String(k, StandardCharsets.US_ASCII)).toList();
    }
}
