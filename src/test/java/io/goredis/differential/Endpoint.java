package io.goredis.differential;

/** Where a server under comparison listens. */
public record Endpoint(String name, String host, int port) {}
