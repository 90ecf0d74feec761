package io.goredis.store.dynamo;

import static io.goredis.store.dynamo.DynamoStore.IF_ABSENT;
import static io.goredis.store.dynamo.DynamoStore.IF_LIVE_AND_NEWER;
import static io.goredis.store.dynamo.DynamoStore.IF_NEWER;
import static io.goredis.store.dynamo.DynamoStore.IF_VERSION;
import static io.goredis.store.dynamo.DynamoStore.NAMES_LIVE;
import static io.goredis.store.dynamo.DynamoStore.NAMES_PK;
import static io.goredis.store.dynamo.DynamoStore.NAMES_PK_VER;
import static io.goredis.store.dynamo.DynamoStore.NAMES_VER;
import static io.goredis.store.dynamo.DynamoStore.number;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.Mutation;
import io.goredis.store.Updater;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The {@link DynamoStore}'s writes of one key, each one conditional PutItem:
 *
 * <ul>
 *   <li>{@link #put} (SET): conditioned on {@code attribute_not_exists(pk) OR ver < :v}; if a newer
 *       version is already there (another node, or a clock behind), retried above it.</li>
 *   <li>{@link #delete}: a tombstone, conditioned on the key being live and older than it.</li>
 *   <li>{@link #update} (INCR, HSET, ...): a consistent read, the pure updater, then a put
 *       conditioned on the version read ({@code attribute_not_exists(pk)} if none). On
 *       ConditionalCheckFailed the failure hands back the current item (ALL_OLD) and the updater
 *       runs again on it, bounded by {@link Backoff}. This node's updates of one key queue on a
 *       {@link KeyLocks} stripe, and the item a writer wrote is handed to the next one waiting as a
 *       hint, so a queue of local INCRs costs one write each; a hint is checked by the conditional
 *       write, and re-read before a decision that writes nothing trusts it.</li>
 * </ul>
 * Versions come from the store's {@link VersionClock}; SDK failures are mapped by {@link DynamoErrors}.
 */
final class KeyWrites {

    private final DynamoDbClient writes;
    private final String table;
    private final Clock clock;
    private final ItemCodec codec;
    private final Backoff backoff;
    private final VersionClock versionClock;
    private final KeyLocks locks;
    private final KeyReads reads;

    KeyWrites(DynamoDbClient writes, String table, Clock clock, ItemCodec codec, Backoff backoff,
              VersionClock versionClock, KeyLocks locks, KeyReads reads) {
        this.writes = writes;
        this.table = table;
        this.clock = clock;
        this.codec = codec;
        this.backoff = backoff;
        this.versionClock = versionClock;
        this.locks = locks;
        this.reads = reads;
    }

    long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        codec.checkPut(key, value);
        long version = versionClock.next(-1);
        for (int attempt = 1; ; attempt++) {
            try {
                writes.putItem(PutItemRequest.builder()
                        .tableName(table)
                        .item(codec.encode(db, key, value, expireAtMillis, version))
                        .conditionExpression(IF_NEWER)
                        .expressionAttributeNames(NAMES_PK_VER)
                        .expressionAttributeValues(Map.of(":ver", number(version)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build());
                return version;
            } catch (ConditionalCheckFailedException e) {
                // A version at or above ours is stored (another node's clock is ahead): go above it.
                version = versionClock.next(codec.versionOf(oldItem(e)));
            } catch (TransactionConflictException e) {
                backoff.pause(attempt + 2);
            } catch (SdkException e) {
                throw DynamoErrors.map("write", e);
            }
            if (attempt >= backoff.maxAttempts()) {
                throw backoff.exhausted();
            }
        }
    }

    boolean delete(int db, byte[] key) {
        if (key.length > ItemCodec.MAX_KEY_BYTES) {
            return false;
        }
        long version = versionClock.next(-1);
        for (int attempt = 1; ; attempt++) {
            long now = clock.millis();
            try {
                writes.putItem(PutItemRequest.builder()
                        .tableName(table)
                        .item(codec.tombstone(db, key, version, now))
                        .conditionExpression(IF_LIVE_AND_NEWER)
                        .expressionAttributeNames(NAMES_LIVE)
                        .expressionAttributeValues(Map.of(":ver", number(version), ":now", number(now)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build());
                return true;
            } catch (ConditionalCheckFailedException e) {
                Map<String, AttributeValue> old = oldItem(e);
                if (old == null || codec.decode(old).entryAt(now).isEmpty()) {
                    return false;
                }
                version = versionClock.next(codec.versionOf(old));
            } catch (TransactionConflictException e) {
                backoff.pause(attempt + 2);
            } catch (SdkException e) {
                throw DynamoErrors.map("write", e);
            }
            if (attempt >= backoff.maxAttempts()) {
                throw backoff.exhausted();
            }
        }
    }

    <R> R update(int db, byte[] key, Updater<R> updater) {
        codec.checkKey(key);
        try (KeyLocks.Stripe stripe = locks.lock(db, key)) {
            return updateLocked(db, key, updater, stripe);
        }
    }

    private <R> R updateLocked(int db, byte[] key, Updater<R> updater, KeyLocks.Stripe stripe) {
        ByteBuffer pk = codec.pk(db, key).b().asByteBuffer();
        Map<String, AttributeValue> item = stripe.takeHint(pk);
        // A hint from the previous local writer is checked by the conditional write; a decision
        // that writes nothing (or an updater error) is only trusted after a real read.
        boolean trusted = item == null;
        if (trusted) {
            item = reads.readItem(db, key);
        }
        for (int attempt = 1; ; attempt++) {
            long now = clock.millis();
            StoredItem current = item == null ? null : codec.decode(item);
            Optional<Entry> live = current == null ? Optional.empty() : current.entryAt(now);
            Decision<R> decision;
            try {
                decision = updater.apply(live);
            } catch (RuntimeException e) {
                if (trusted) {
                    throw e;
                }
                decision = null;
            }
            Map<String, AttributeValue> newItem = decision == null ? null : newItem(db, key, decision, current, live, now);
            if (newItem == null) {
                if (!trusted) {
                    item = reads.readItem(db, key);
                    trusted = true;
                    continue;
                }
                return decision.result();
            }
            try {
                writes.putItem(conditionalPut(newItem, current).build());
                stripe.handOver(pk, newItem);
                return decision.result();
            } catch (ConditionalCheckFailedException e) {
                item = oldItem(e);
                trusted = true;
            } catch (TransactionConflictException e) {
                backoff.pause(attempt + 2);
                item = reads.readItem(db, key);
                trusted = true;
            } catch (SdkException e) {
                throw DynamoErrors.map("write", e);
            }
            if (attempt >= backoff.maxAttempts()) {
                throw backoff.exhausted();
            }
            backoff.pause(attempt + 1);
        }
    }

    /** The item {@code decision} writes, or null when it writes nothing (keep, or delete of an absent key). */
    private Map<String, AttributeValue> newItem(int db, byte[] key, Decision<?> decision, StoredItem current,
                                                Optional<Entry> live, long now) {
        return switch (decision.mutation()) {
            case Mutation.Keep k -> null;
            case Mutation.Delete d -> live.isEmpty() ? null
                    : codec.tombstone(db, key, versionClock.next(current.version()), now);
            case Mutation.Put p -> {
                yield codec.encode(db, key, p.value(), p.expireAtMillis(),
                        versionClock.next(current == null ? -1 : current.version()));
            }
        };
    }

    /** A PutItem of {@code newItem} that lands only if the stored version is still {@code current}'s. */
    private PutItemRequest.Builder conditionalPut(Map<String, AttributeValue> newItem, StoredItem current) {
        PutItemRequest.Builder b = PutItemRequest.builder()
                .tableName(table)
                .item(newItem)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (current == null) {
            return b.conditionExpression(IF_ABSENT).expressionAttributeNames(NAMES_PK);
        }
        return b.conditionExpression(IF_VERSION)
                .expressionAttributeNames(NAMES_VER)
                .expressionAttributeValues(Map.of(":old", number(current.version())));
    }

    /** The current item a failed condition handed back (ALL_OLD), or null if there was none. */
    private static Map<String, AttributeValue> oldItem(ConditionalCheckFailedException e) {
        return e.hasItem() && !e.item().isEmpty() ? e.item() : null;
    }
}
