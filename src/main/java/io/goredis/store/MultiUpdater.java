package io.goredis.store;

import java.util.List;
import java.util.Optional;

/**
 * The body of an atomic read-modify-write over several keys ({@link Store#updateAll}): receives the
 * live entries in the order the keys were given and returns one {@link Mutation} per key. Same
 * purity rule as {@link Updater}.
 */
@FunctionalInterface
public interface MultiUpdater<R> {
    Decision.Multi<R> apply(List<Optional<Entry>> current);
}
