package io.goredis.store;

import java.util.Optional;

/**
 * The body of an atomic read-modify-write on one key ({@link Store#update}).
 *
 * <p>It receives the key's live entry (empty if absent or expired) and returns what to write and
 * what to answer. It must be a pure function of its argument: an optimistic store (DynamoDB) may
 * call it several times, once per attempt, and only the last decision takes effect. It may throw a
 * {@code CommandException}-style runtime exception to abort without writing (e.g. "value is not an
 * integer"); the store lets it propagate unchanged.
 */
@FunctionalInterface
public interface Updater<R> {
    Decision<R> apply(Optional<Entry> current);
}
