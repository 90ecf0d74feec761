package io.goredis.store;

import java.util.Optional;

/**
 * A key as {@link Store#observe} read it for a transaction: the live entry (empty when absent or
 * expired) and the {@link Stamp} its commit will check.
 */
public record Observed(Optional<Entry> entry, Stamp stamp) {

    public Observed {
        if (entry == null || stamp == null) {
            throw new IllegalArgumentException("entry and stamp must not be null");
        }
        if (entry.isPresent() != stamp.live()) {
            throw new IllegalArgumentException("stamp liveness must match the entry");
        }
    }
}
