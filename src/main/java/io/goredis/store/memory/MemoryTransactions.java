package io.goredis.store.memory;

import io.goredis.store.ConflictException;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Observed;
import io.goredis.store.Stamp;
import io.goredis.store.TxOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The transaction primitives of the {@link InMemoryStore}: {@link #observe}, {@link #observeAll}
 * and {@link #commit}, which MULTI/EXEC, WATCH, scripts and the multi-key commands are built on.
 *
 * <p>A live key's stamp is its entry's version; an absent (or expired) key's stamp is the creation
 * counter of its bucket ({@link Stripes#generation}), so a key created and deleted again meanwhile
 * still counts as changed. Everything here runs under the stripe locks of its keys, taken in
 * ascending order ({@link Keyspace#lockStripes}); a commit that writes brackets its changes with
 * {@link Stripes#beginChange}/{@link Stripes#endChange} so lock-free readers never see it half-done.
 */
final class MemoryTransactions {

    private final Keyspace keyspace;
    private final Stripes stripes;

    MemoryTransactions(Keyspace keyspace) {
        this.keyspace = keyspace;
        this.stripes = keyspace.stripes();
    }

    Observed observe(int db, byte[] key) {
        Key k = Key.wrap(key);
        int s = Stripes.of(k);
        stripes.lock(s);
        try {
            Entry e = keyspace.db(db).map.get(k);
            if (e != null && !e.isExpiredAt(keyspace.now())) {
                return new Observed(Optional.of(e), Stamp.live(e.version()));
            }
            return new Observed(Optional.empty(), Stamp.absent(stripes.generation(k)));
        } finally {
            stripes.unlock(s);
        }
    }

    /** Under the stripe locks of every key: one instant. */
    List<Observed> observeAll(List<KeyRef> refs) {
        Key[] ks = new Key[refs.size()];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = Key.wrap(refs.get(i).key());
        }
        int[] locked = keyspace.lockStripes(ks);
        try {
            long now = keyspace.now();
            List<Observed> out = new ArrayList<>(ks.length);
            for (int i = 0; i < ks.length; i++) {
                Entry e = keyspace.db(refs.get(i).db()).map.get(ks[i]);
                out.add(e != null && !e.isExpiredAt(now)
                        ? new Observed(Optional.of(e), Stamp.live(e.version()))
                        : new Observed(Optional.empty(), Stamp.absent(stripes.generation(ks[i]))));
            }
            return out;
        } finally {
            keyspace.unlockStripes(locked);
        }
    }

    /**
     * Under the stripe locks of every key (ascending): checks each expected stamp, then applies
     * every mutation as one change readers never see half-done.
     */
    long[] commit(List<TxOp> ops) {
        Key[] ks = new Key[ops.size()];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = Key.wrap(ops.get(i).key().key());
        }
        int[] locked = keyspace.lockStripes(ks);
        try {
            long now = keyspace.now();
            boolean writes = false;
            for (int i = 0; i < ks.length; i++) {
                TxOp op = ops.get(i);
                if (op.expected() != null && !matches(keyspace.db(op.key().db()), ks[i], op.expected(), now)) {
                    throw new ConflictException(i);
                }
                writes |= op.writes();
            }
            long[] versions = new long[ks.length];
            Arrays.fill(versions, -1);
            if (writes) {
                for (int s : locked) {
                    stripes.beginChange(s);
                }
                try {
                    for (int i = 0; i < ks.length; i++) {
                        TxOp op = ops.get(i);
                        versions[i] = keyspace.apply(keyspace.db(op.key().db()), ks[i], op.mutation(), now);
                    }
                } finally {
                    for (int s : locked) {
                        stripes.endChange(s);
                    }
                }
            }
            return versions;
        } finally {
            keyspace.unlockStripes(locked);
        }
    }

    /** Whether {@code key} is still as {@code expected}; its stripe lock is held. */
    private boolean matches(Db d, Key key, Stamp expected, long now) {
        Entry e = d.map.get(key);
        boolean live = e != null && !e.isExpiredAt(now);
        if (expected.live()) {
            return live && e.version() == expected.version();
        }
        return !live && stripes.generation(key) == expected.version();
    }
}
