package io.goredis.store;

import java.util.List;
import java.util.Optional;

/**
 * The server's own data kept beside the keyspace, never seen by key commands, FLUSHALL or DBSIZE:
 * EVAL scripts ({@code SCRIPT LOAD}) and function libraries ({@code FUNCTION LOAD}). On the
 * DynamoDB-backed stores it lives in the shared table, so every node of the fleet sees it and it
 * survives restarts; the in-memory store keeps it in memory.
 *
 * <p>Entries carry versions like keys do, so a node can tell whether what it holds is current.
 * Thread-safe; names are short ASCII strings.
 */
public interface MetaStore {

    /** The entry named {@code name}, or empty. */
    Optional<Entry> get(String name);

    /** Writes {@code value} under {@code name} (no expiry). */
    void put(String name, byte[] value);

    /** Atomic read-modify-write of one entry, across the fleet; the updater may run more than once. */
    <R> R update(String name, Updater<R> updater);

    /** Removes {@code name}; true if it was there. */
    boolean delete(String name);

    /** The names starting with {@code prefix}. May read the whole table on the DynamoDB stores. */
    List<String> names(String prefix);
}
