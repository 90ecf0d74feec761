package io.goredis.store.txn;

import io.goredis.store.Entry;
import io.goredis.store.Isolation;
import io.goredis.store.KeyRef;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Observed;
import io.goredis.store.ScanPage;
import io.goredis.store.Store;
import io.goredis.store.TxOp;
import io.goredis.store.Updater;
import java.util.List;
import java.util.Optional;

/** A {@link Store} passing every call to another: tests override what they want to change. */
class ForwardingStore implements Store {

    protected final Store base;

    ForwardingStore(Store base) {
        this.base = base;
    }

    @Override
    public Optional<Entry> get(int db, byte[] key) {
        return base.get(db, key);
    }

    @Override
    public long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        return base.put(db, key, value, expireAtMillis);
    }

    @Override
    public boolean delete(int db, byte[] key) {
        return base.delete(db, key);
    }

    @Override
    public <R> R update(int db, byte[] key, Updater<R> updater) {
        return base.update(db, key, updater);
    }

    @Override
    public <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> updater) {
        return base.updateAll(keys, updater);
    }

    @Override
    public Isolation isolation() {
        return base.isolation();
    }

    @Override
    public Observed observe(int db, byte[] key, boolean fresh) {
        return base.observe(db, key, fresh);
    }

    @Override
    public List<Observed> observeAll(List<KeyRef> keys) {
        return base.observeAll(keys);
    }

    @Override
    public long[] commit(List<TxOp> ops) {
        return base.commit(ops);
    }

    @Override
    public io.goredis.store.MetaStore meta() {
        return base.meta();
    }

    @Override
    public int maxTransactionKeys() {
        return base.maxTransactionKeys();
    }

    @Override
    public ScanPage scan(int db, long cursor, int count) {
        return base.scan(db, cursor, count);
    }

    @Override
    public Optional<byte[]> randomKey(int db) {
        return base.randomKey(db);
    }

    @Override
    public KeyspaceStats stats(int db) {
        return base.stats(db);
    }

    @Override
    public void flush(int db) {
        base.flush(db);
    }

    @Override
    public void flushAll() {
        base.flushAll();
    }

    @Override
    public void swap(int db1, int db2) {
        base.swap(db1, db2);
    }

    @Override
    public int databases() {
        return base.databases();
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public void close() {
        base.close();
    }
}
