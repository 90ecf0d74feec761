package io.goredis.store.txn;

import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.ScanPage;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TxView}'s keyspace-wide calls, which are not isolated: SCAN pages, RANDOMKEY and DBSIZE
 * come from the base store as it is now, adjusted for the transaction's own buffered writes (SCAN
 * adds the keys it created on the last page and drops the ones it deleted; DBSIZE counts them).
 * FLUSHDB, FLUSHALL and SWAPDB are refused: no one commit can hold a whole database. Every base
 * store failure here is kept as the transaction's ({@link TxSlots#fail}).
 */
final class TxKeyspace {

    private final Store base;
    private final TxSlots slots;

    TxKeyspace(Store base, TxSlots slots) {
        this.base = base;
        this.slots = slots;
    }

    /**
     * The base store's page without the keys this transaction deleted; the last page also carries
     * the keys it created.
     */
    ScanPage scan(int db, long cursor, int count) {
        ScanPage page;
        try {
            page = base.scan(db, cursor, count);
        } catch (StoreException e) {
            throw slots.fail(e);
        }
        Set<KeyRef> dropped = new HashSet<>();
        List<byte[]> created = new ArrayList<>();
        for (Map.Entry<KeyRef, TxSlots.Slot> e : slots.slots().entrySet()) {
            TxSlots.Slot slot = e.getValue();
            if (e.getKey().db() != db || !slot.written) {
                continue;
            }
            if (slots.visible(slot).isEmpty()) {
                dropped.add(e.getKey());
            } else if (slot.stamp == null || slot.base.isEmpty()) {
                created.add(e.getKey().key());
            }
        }
        List<byte[]> keys = new ArrayList<>(page.keys().size() + created.size());
        for (byte[] k : page.keys()) {
            if (!dropped.contains(new KeyRef(db, k))) {
                keys.add(k);
            }
        }
        if (page.nextCursor() == 0) {
            keys.addAll(created);
        }
        return new ScanPage(page.nextCursor(), keys);
    }

    Optional<byte[]> randomKey(int db) {
        try {
            return base.randomKey(db);
        } catch (StoreException e) {
            throw slots.fail(e);
        }
    }

    /**
     * The base store's counts, corrected by the keys this transaction created or deleted (a key
     * written blind is observed first, to know whether it existed).
     */
    KeyspaceStats stats(int db) {
        KeyspaceStats s;
        try {
            s = base.stats(db);
        } catch (StoreException e) {
            throw slots.fail(e);
        }
        long keys = s.keys();
        long expires = s.expires();
        for (Map.Entry<KeyRef, TxSlots.Slot> e : List.copyOf(slots.slots().entrySet())) {
            if (e.getKey().db() != db || !e.getValue().written) {
                continue;
            }
            TxSlots.Slot slot = slots.observed(db, e.getKey().key());
            Optional<Entry> now = slots.visible(slot);
            keys += (now.isPresent() ? 1 : 0) - (slot.base.isPresent() ? 1 : 0);
            expires += (now.map(Entry::hasExpiry).orElse(false) ? 1 : 0)
                    - (slot.base.map(Entry::hasExpiry).orElse(false) ? 1 : 0);
        }
        return new KeyspaceStats(Math.max(0, keys), Math.max(0, expires));
    }

    void flush(int db) {
        throw slots.fail(new StoreException("ERR FLUSHDB and FLUSHALL are not supported inside MULTI or a script on the "
                + base.name() + " store"));
    }

    void flushAll() {
        flush(0);
    }

    void swap(int db1, int db2) {
        throw slots.fail(new StoreException("ERR SWAPDB is not supported inside MULTI or a script on the "
                + base.name() + " store"));
    }
}
