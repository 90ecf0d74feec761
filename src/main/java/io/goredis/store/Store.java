package io.goredis.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The keyspace goredis serves: binary-safe keys and typed values (see {@link io.goredis.store.value.Value}) in numbered databases, each entry with
 * an optional absolute expiry and a version. Implementations: in-memory, DynamoDB, and a cache in
 * front of DynamoDB kept coherent by DynamoDB Streams. Every one passes {@code StoreContractTest}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread-safe.</b> Every method may be called from many sessions at once.</li>
 *   <li><b>Expired is absent.</b> An entry whose expiry has passed on the store's clock (now &gt;
 *       expiry, as {@link Entry#isExpiredAt} and Redis's {@code keyIsExpired}) is never returned,
 *       counted, scanned or seen by an updater; it behaves exactly like a missing key.</li>
 *   <li><b>Versions.</b> Every committed write (put, update that puts, delete) gives the key a
 *       version strictly greater than any it had before, also across delete and re-create.</li>
 *   <li><b>Atomic.</b> {@link #update} and {@link #updateAll} are linearizable read-modify-writes,
 *       also when many nodes share one backing table: the decision is applied only if nothing
 *       changed the keys since they were read, otherwise the updater runs again on fresh state.</li>
 *   <li><b>Durable acknowledgement.</b> A method returns only after the backend accepted the write.</li>
 *   <li><b>Failures</b> surface as {@link StoreException} with a client-ready message; exceptions
 *       thrown by an updater propagate unchanged and nothing is written.</li>
 *   <li><b>Transactions.</b> {@link #observe} and {@link #commit} are the primitive every
 *       transaction, script and WATCH is built on (see {@link io.goredis.store.txn.TxView}).</li>
 *   <li>Arrays passed in are not retained by reference unless documented; arrays handed out must not
 *       be modified.</li>
 * </ul>
 * Databases are numbered {@code 0 .. databases()-1}; callers validate the index.
 */
public interface Store extends AutoCloseable {

    /** The live entry for {@code key}, or empty when absent or expired. */
    Optional<Entry> get(int db, byte[] key);

    /**
     * Reads {@code key}'s live entry inside {@code reader}, which sees the value whole: no write to
     * the key is applied while it runs. What reads a collection's contents (HGET, SMEMBERS) uses
     * this, not {@link #get}: the in-memory store changes collections in place under the key's
     * lock. {@code reader} must not change the value, nor call the store.
     */
    default <R> R read(int db, byte[] key, Function<Optional<Entry>, R> reader) {
        return reader.apply(get(db, key));
    }

    /** Live entries for several keys of one database, in order (MGET). */
    default List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
        List<Optional<Entry>> out = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            out.add(get(db, key));
        }
        return out;
    }

    /** Unconditional write (plain SET): replaces any value and expiry. Returns the new version. */
    long put(int db, byte[] key, byte[] value, long expireAtMillis);

    /** Deletes {@code key}; true if a live entry was removed. */
    boolean delete(int db, byte[] key);

    /** Atomic read-modify-write of one key; returns the decision's result once committed. */
    <R> R update(int db, byte[] key, Updater<R> updater);

    /**
     * Atomic read-modify-write of several distinct keys, possibly in different databases, all or
     * nothing. Implementations may refuse too many keys with a {@link StoreException}.
     */
    <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> updater);

    // ---- transactions (MULTI/EXEC, WATCH, scripts): see io.goredis.store.txn.TxView -----------

    /** How this store makes a transaction atomic: {@link Isolation#SERIAL} or {@link Isolation#OPTIMISTIC}. */
    Isolation isolation();

    /**
     * {@code key}'s live entry with the {@link Stamp} a later {@link #commit} checks, read
     * strongly consistently. {@code fresh} asks a caching store to read its backend rather than its
     * cache (after a conflict, or for WATCH); other stores ignore it.
     */
    Observed observe(int db, byte[] key, boolean fresh);

    /**
     * Several distinct keys observed at one instant (a consistent snapshot), in order: what a
     * transaction whose keys are known up front reads first, so that reading them takes one round
     * trip and, when it writes nothing, needs no check at commit. The DynamoDB stores read it with
     * one TransactGetItems (at most {@link #maxTransactionKeys} keys).
     */
    List<Observed> observeAll(List<KeyRef> keys);

    /**
     * Applies every operation or none: each key must still match its expected stamp (if it has
     * one), else {@link ConflictException} and nothing is written. Keys must be distinct. Returns,
     * per operation, the version the key was written at ({@code -1} for a check, a delete of an
     * absent key, or a store that does not version deletes). A {@link StoreException} other than a
     * conflict means nothing was written, unless its message says the outcome is unknown.
     */
    long[] commit(List<TxOp> ops);

    /** Scripts and function libraries: shared by the fleet on the DynamoDB-backed stores. */
    MetaStore meta();

    /**
     * Whether {@link #observe} reads the current state (true), or may answer from a cache that lags
     * other nodes (a caching store): then a transaction must check even a single key it only read.
     */
    default boolean observesCurrent() {
        return true;
    }

    /**
     * Whether a value this store hands out may be changed later in place by an updater of the key
     * (the in-memory store: true). A store that keeps values it got from another store (the caching
     * store) must then keep copies of collections.
     */
    default boolean sharesLiveValues() {
        return false;
    }

    /** The most distinct keys one {@link #commit} may hold (DynamoDB: 100); unlimited by default. */
    default int maxTransactionKeys() {
        return Integer.MAX_VALUE;
    }

    /**
     * One page of live keys of {@code db}. {@code cursor} 0 starts a scan; {@code count} is a hint
     * for the page size. The returned cursor is 0 when the scan is complete.
     */
    ScanPage scan(int db, long cursor, int count);

    /** A random live key of {@code db}, or empty when the database is empty. */
    Optional<byte[]> randomKey(int db);

    /** Live keys and keys with an expiry in {@code db}. */
    KeyspaceStats stats(int db);

    /**
     * {@link #stats} of every database, index {@code db} at position {@code db} (INFO keyspace).
     * Stores whose per-database count reads the whole keyspace override it to read it once.
     */
    default List<KeyspaceStats> statsAll() {
        List<KeyspaceStats> all = new ArrayList<>(databases());
        for (int db = 0; db < databases(); db++) {
            all.add(stats(db));
        }
        return all;
    }

    /** Removes every key of {@code db}. */
    void flush(int db);

    /** Removes every key of every database. */
    void flushAll();

    /** Swaps the contents of two databases atomically (SWAPDB). */
    void swap(int db1, int db2);

    /** Number of databases (Redis default 16). */
    default int databases() {
        return 16;
    }

    /** A short name for banners and INFO, e.g. "memory", "dynamodb", "caching". */
    String name();

    /** Extra INFO lines this store contributes, as (section, text) e.g. the "# Cache" section. */
    default String info() {
        return "";
    }

    /** Releases threads and clients. Idempotent. */
    @Override
    void close();
}
