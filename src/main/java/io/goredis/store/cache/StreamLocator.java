package io.goredis.store.cache;

import java.util.Optional;

/**
 * Finds the table's current stream ARN (DescribeTable's LatestStreamArn); empty when the table has
 * no enabled stream. Asked again after every loss of continuity: a re-enabled stream has a new ARN.
 */
@FunctionalInterface
public interface StreamLocator {
    Optional<String> streamArn();
}
