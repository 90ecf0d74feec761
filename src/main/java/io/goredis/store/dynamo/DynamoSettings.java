package io.goredis.store.dynamo;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How goredis talks to DynamoDB: the table, an optional endpoint override (DynamoDB Local), whether
 * to create the table, and the time bounds every call is held to. Region and credentials are not
 * here on purpose: they come from the SDK's default provider chains (environment, profile,
 * container/instance role). Without {@code endpoint} the SDK still honours its standard
 * {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL} variables.
 *
 * @param table          table name (GOREDIS_TABLE, default {@code goredis})
 * @param endpoint       endpoint override, e.g. {@code http://localhost:8000} for DynamoDB Local
 * @param createTable    create the table if it is missing, and wait for it to become active
 * @param apiCallTimeout bound on one store call to DynamoDB, retries included
 * @param attemptTimeout bound on one HTTP attempt
 * @param maxAttempts    SDK attempts per call (throttling is retried with backoff; see {@link DynamoClients})
 * @param ttlGrace       how long tombstones and expired items stay before the TTL sweeper may take them
 */
public record DynamoSettings(
        String table,
        Optional<URI> endpoint,
        boolean createTable,
        Duration apiCallTimeout,
        Duration attemptTimeout,
        int maxAttempts,
        Duration ttlGrace) {

    public static final String DEFAULT_TABLE = "goredis";
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    public DynamoSettings {
        if (table == null || !table.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException(
                    "table must be 3-255 characters of a-z A-Z 0-9 _ - . (DynamoDB's rule), was " + table);
        }
        if (apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
            throw new IllegalArgumentException("apiCallTimeout must be > 0, was " + apiCallTimeout);
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero() || attemptTimeout.compareTo(apiCallTimeout) > 0) {
            throw new IllegalArgumentException("attemptTimeout must be > 0 and <= apiCallTimeout, was " + attemptTimeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (ttlGrace.isNegative()) {
            throw new IllegalArgumentException("ttlGrace must be >= 0, was " + ttlGrace);
        }
    }

    /** Defaults for {@code table}: SDK endpoint resolution, no table creation, 5 s per call, 2 s per attempt. */
    public static DynamoSettings of(String table) {
        return new DynamoSettings(table, Optional.empty(), false, DEFAULT_API_CALL_TIMEOUT,
                DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_MAX_ATTEMPTS, ItemCodec.DEFAULT_TTL_GRACE);
    }

    public DynamoSettings withEndpoint(URI uri) {
        return new DynamoSettings(table, Optional.of(uri), createTable, apiCallTimeout, attemptTimeout, maxAttempts, ttlGrace);
    }

    public DynamoSettings withCreateTable(boolean create) {
        return new DynamoSettings(table, endpoint, create, apiCallTimeout, attemptTimeout, maxAttempts, ttlGrace);
    }

    public DynamoSettings withTimeouts(Duration apiCall, Duration attempt) {
        return new DynamoSettings(table, endpoint, createTable, apiCall, attempt, maxAttempts, ttlGrace);
    }

    public DynamoSettings withTtlGrace(Duration grace) {
        return new DynamoSettings(table, endpoint, createTable, apiCallTimeout, attemptTimeout, maxAttempts, grace);
    }
}
