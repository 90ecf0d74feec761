package io.goredis.store;

/** Counts for INFO keyspace: live keys and how many of them carry an expiry. */
public record KeyspaceStats(long keys, long expires) {}
