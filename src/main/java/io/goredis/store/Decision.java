package io.goredis.store;

import io.goredis.store.value.Value;
import java.util.List;

/**
 * The outcome of an {@link Updater}: the mutation to apply and the result handed back to the caller
 * once the mutation is committed.
 */
public record Decision<R>(Mutation mutation, R result) {

    public static <R> Decision<R> keep(R result) {
        return new Decision<>(Mutation.KEEP, result);
    }

    public static <R> Decision<R> delete(R result) {
        return new Decision<>(Mutation.DELETE, result);
    }

    public static <R> Decision<R> put(byte[] value, long expireAtMillis, R result) {
        return new Decision<>(Mutation.put(value, expireAtMillis), result);
    }

    /** Put {@code value}, handed over (see {@link Mutation.Put}). */
    public static <R> Decision<R> put(Value value, long expireAtMillis, R result) {
        return new Decision<>(Mutation.put(value, expireAtMillis), result);
    }

    /** Outcome of a {@link MultiUpdater}: one mutation per key, in the order the keys were given. */
    public record Multi<R>(List<Mutation> mutations, R result) {
        public Multi {
            mutations = List.copyOf(mutations);
        }
    }
}
