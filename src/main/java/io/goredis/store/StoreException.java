package io.goredis.store;

/**
 * A backend failure (DynamoDB unreachable, throttled past retries, a limit refused). The message is
 * sent to the client after {@code -} as-is, so it starts with a Redis error code, e.g.
 * {@code "ERR value too large for the DynamoDB store (max 400 KB item)"}.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
