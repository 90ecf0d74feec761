package io.goredis.differential;

/** The two servers under comparison: the reference redis-server and goredis. */
public record Targets(Endpoint redis, Endpoint goredis) {}
