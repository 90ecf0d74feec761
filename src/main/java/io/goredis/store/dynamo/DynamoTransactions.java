package io.goredis.store.dynamo;

import io.goredis.store.ConflictException;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Mutation;
import io.goredis.store.Stamp;
import io.goredis.store.StoreException;
import io.goredis.store.TxOp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The {@link DynamoStore}'s all-or-nothing writes over several keys: {@link #commit} (the primitive
 * MULTI/EXEC, scripts and WATCH are built on) and {@link #updateAll} (RENAME, MSET, MOVE, ...).
 *
 * <ul>
 *   <li>With writes to one key and nothing else to check: one conditional PutItem.</li>
 *   <li>With writes: one TransactWriteItems. Each key carries the condition that it is still as
 *       the transaction saw it (a Put or tombstone Put for a written key, a ConditionCheck for a
 *       key only read or watched); a blind write lands only above the stored version.</li>
 *   <li>Without writes (a read-only transaction): one TransactGetItems, a serializable snapshot,
 *       compared with what was read: 2 read units per key instead of 2 write units.</li>
 *   <li>Every TransactWriteItems carries a fresh ClientRequestToken. When its outcome is unknown
 *       (timeout, connection lost, 5xx), the identical request is sent again with the same token:
 *       DynamoDB applies a token at most once within 10 minutes, so the retry learns the outcome
 *       without ever applying the writes twice. Still unknown after that, the caller gets an error
 *       that says so.</li>
 * </ul>
 * At most {@value DynamoStore#MAX_TRANSACTION_ITEMS} keys and 4 MB in all (DynamoDB's limits),
 * refused before anything is sent.
 */
final class DynamoTransactions {

    private static final Logger log = LoggerFactory.getLogger(DynamoTransactions.class);

    /** Identical resends of a TransactWriteItems whose outcome is unknown, after the first send. */
    static final int UNKNOWN_OUTCOME_RESENDS = 2;

    static final String IF_LIVE_VERSION = "#ver = :old AND (attribute_not_exists(#exp) OR #exp >= :now)";
    static final Map<String, String> NAMES_VER_EXP = Map.of("#ver", ItemCodec.VERSION, "#exp", ItemCodec.EXPIRE_AT);

    private final VersionClock versionClock;
    private final DynamoDbClient reads;
    private final DynamoDbClient writes;
    private final String table;
    private final ItemCodec codec;
    private final Clock clock;
    private final Backoff backoff;
    private final AwsRequestOverrideConfiguration bigCall;

    DynamoTransactions(VersionClock versionClock, DynamoDbClient reads, DynamoDbClient writes, String table, ItemCodec codec,
                       Clock clock, Backoff backoff, AwsRequestOverrideConfiguration bigCall) {
        this.versionClock = versionClock;
        this.reads = reads;
        this.writes = writes;
        this.table = table;
        this.codec = codec;
        this.clock = clock;
        this.backoff = backoff;
        this.bigCall = bigCall;
    }

    // ---------------------------------------------------------------- commit

    long[] commit(List<TxOp> ops) {
        checkLimits(ops.stream().map(TxOp::key).toList());
        if (ops.isEmpty()) {
            return new long[0];
        }
        long now = clock.millis();
        long[] versions = new long[ops.size()];
        Arrays.fill(versions, -1);
        List<TransactWriteItem> items = new ArrayList<>(ops.size());
        boolean writesAny = false;
        long bytes = 0;
        for (int i = 0; i < ops.size(); i++) {
            TxOp op = ops.get(i);
            KeyRef k = op.key();
            Stamp expected = op.expected();
            Map<String, AttributeValue> newItem = null;
            switch (op.mutation()) {
                case Mutation.Keep keep -> { }
                case Mutation.Delete delete -> {
                    if (expected.live()) {
                        versions[i] = versionClock.next(expected.version());
                        newItem = codec.tombstone(k.db(), k.key(), versions[i], now);
                    }
                }
                case Mutation.Put put -> {
                    versions[i] = versionClock.next(expected == null ? -1 : expected.version());
                    newItem = codec.encode(k.db(), k.key(), put.value(), put.expireAtMillis(), versions[i]);
                    bytes += ItemCodec.itemSize(newItem);
                }
            }
            writesAny |= newItem != null;
            items.add(item(k, expected, newItem, versions[i], now));
        }
        if (bytes > DynamoStore.MAX_TRANSACTION_BYTES) {
            throw new StoreException("ERR values too large for one DynamoDB transaction (max 4 MB in all)");
        }
        if (!writesAny) {
            validate(ops, now);
            return versions;
        }
        if (items.size() == 1) {
            writeOne(items.get(0).put());
            return versions;
        }
        write(items);
        return versions;
    }

    /**
     * A transaction that touched one key: one conditional PutItem (1 write unit instead of the 2 a
     * TransactWriteItems item costs), as atomic. Its outcome when unknown is an error, never a
     * resend (a PutItem has no idempotency token), as for every single-key write.
     */
    private void writeOne(Put put) {
        try {
            writes.putItem(software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder()
                    .tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames())
                    .expressionAttributeValues(put.hasExpressionAttributeValues() ? put.expressionAttributeValues() : null)
                    .build());
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            throw new ConflictException(0);
        } catch (TransactionConflictException e) {
            throw new ConflictException(-1);
        } catch (SdkException e) {
            throw DynamoErrors.map("write", e);
        }
    }

    /** The transaction item for one key: a conditional Put when it writes, else a ConditionCheck. */
    private TransactWriteItem item(KeyRef k, Stamp expected, Map<String, AttributeValue> newItem, long version,
                                   long now) {
        String condition;
        Map<String, String> names;
        Map<String, AttributeValue> values;
        if (expected == null) {
            condition = DynamoStore.IF_NEWER;
            names = DynamoStore.NAMES_PK_VER;
            values = Map.of(":ver", DynamoStore.number(version));
        } else if (expected.version() == Stamp.NO_ITEM) {
            condition = DynamoStore.IF_ABSENT;
            names = DynamoStore.NAMES_PK;
            values = null;
        } else if (expected.live()) {
            condition = IF_LIVE_VERSION;
            names = NAMES_VER_EXP;
            values = Map.of(":old", DynamoStore.number(expected.version()), ":now", DynamoStore.number(now));
        } else {
            condition = DynamoStore.IF_VERSION;
            names = DynamoStore.NAMES_VER;
            values = Map.of(":old", DynamoStore.number(expected.version()));
        }
        if (newItem == null) {
            return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                    .tableName(table).key(codec.keyOf(k.db(), k.key()))
                    .conditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).build()).build();
        }
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table).item(newItem)
                .conditionExpression(condition).expressionAttributeNames(names)
                .expressionAttributeValues(values).build()).build();
    }

    /** A read-only transaction: every key read again in one snapshot must match what was seen. */
    private void validate(List<TxOp> ops, long now) {
        List<KeyRef> keys = ops.stream().map(TxOp::key).toList();
        List<Map<String, AttributeValue>> snapshot = readSnapshot(keys);
        for (int i = 0; i < ops.size(); i++) {
            if (!stamp(snapshot.get(i), now).equals(ops.get(i).expected())) {
                throw new ConflictException(i);
            }
        }
    }

    /** The stamp of a raw item (null = no item) at {@code now}. */
    Stamp stamp(Map<String, AttributeValue> item, long now) {
        if (item == null) {
            return Stamp.absent(Stamp.NO_ITEM);
        }
        StoredItem s = codec.decode(item);
        return s.entryAt(now).isPresent() ? Stamp.live(s.version()) : Stamp.absent(s.version());
    }

    /**
     * Sends the transaction; a cancellation by a condition becomes a {@link ConflictException} with
     * the first failed key's index, a conflict with a concurrent transaction one with index -1.
     */
    private void write(List<TransactWriteItem> items) {
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
                .transactItems(items)
                .clientRequestToken(UUID.randomUUID().toString())
                .overrideConfiguration(bigCall)
                .build();
        for (int send = 0; ; send++) {
            try {
                writes.transactWriteItems(request);
                return;
            } catch (TransactionCanceledException e) {
                throw cancelled(e);
            } catch (TransactionConflictException e) {
                throw new ConflictException(-1);
            } catch (SdkException e) {
                if (!unknownOutcome(e)) {
                    throw DynamoErrors.map("transaction", e);
                }
                if (send >= UNKNOWN_OUTCOME_RESENDS) {
                    throw new StoreException("ERR DynamoDB transaction failed: " + DynamoErrors.cause(e)
                            + " (outcome unknown: it may have been applied, once)", e);
                }
                log.debug("transaction outcome unknown ({}), resending with the same token", e.toString());
            }
        }
    }

    /** True when DynamoDB may have applied the request: a timeout, a lost connection, a 5xx. */
    static boolean unknownOutcome(SdkException e) {
        if (e instanceof AwsServiceException s) {
            return s.statusCode() >= 500 && !s.isThrottlingException();
        }
        return e instanceof SdkClientException;
    }

    private static StoreException cancelled(TransactionCanceledException e) {
        if (e.hasCancellationReasons()) {
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean retryable = true;
            for (int i = 0; i < reasons.size(); i++) {
                String code = reasons.get(i).code();
                if ("ConditionalCheckFailed".equals(code)) {
                    return new ConflictException(i);
                }
                if (code != null && !code.equals("None") && !code.equals("TransactionConflict")
                        && !code.equals("ThrottlingError") && !code.equals("ProvisionedThroughputExceeded")) {
                    retryable = false;
                }
            }
            if (retryable) {
                return new ConflictException(-1);
            }
        }
        return new StoreException("ERR DynamoDB transaction failed: " + reasons(e), e);
    }

    private static String reasons(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return DynamoErrors.oneLine(String.valueOf(e.getMessage()));
        }
        StringBuilder sb = new StringBuilder();
        for (CancellationReason r : e.cancellationReasons()) {
            if (r.code() != null && !r.code().equals("None")) {
                sb.append(sb.isEmpty() ? "" : "; ").append(r.code())
                        .append(r.message() == null ? "" : ": " + r.message());
            }
        }
        return DynamoErrors.oneLine(sb.toString());
    }

    void checkLimits(List<KeyRef> keys) {
        if (keys.size() > DynamoStore.MAX_TRANSACTION_ITEMS) {
            throw new StoreException("ERR too many keys for one DynamoDB transaction (max "
                    + DynamoStore.MAX_TRANSACTION_ITEMS + ", got " + keys.size() + ")");
        }
        for (KeyRef k : keys) {
            codec.checkKey(k.key());
        }
    }

    // ---------------------------------------------------------------- updateAll

    /**
     * One snapshot read of every key (TransactGetItems), the updater, then {@link #commit} of its
     * decision conditioned on what the snapshot saw; run again on a conflict.
     */
    <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> updater) {
        for (int attempt = 1; ; attempt++) {
            List<Map<String, AttributeValue>> items = readSnapshot(keys);
            long now = clock.millis();
            List<Optional<Entry>> live = new ArrayList<>(keys.size());
            List<Stamp> stamps = new ArrayList<>(keys.size());
            for (Map<String, AttributeValue> item : items) {
                StoredItem s = item == null ? null : codec.decode(item);
                Optional<Entry> e = s == null ? Optional.empty() : s.entryAt(now);
                live.add(e);
                stamps.add(s == null ? Stamp.absent(Stamp.NO_ITEM)
                        : e.isPresent() ? Stamp.live(s.version()) : Stamp.absent(s.version()));
            }
            Decision.Multi<R> decision = updater.apply(List.copyOf(live));
            List<Mutation> mutations = decision.mutations();
            if (mutations.size() != keys.size()) {
                throw new IllegalStateException("updater returned " + mutations.size()
                        + " mutations for " + keys.size() + " keys");
            }
            if (mutations.stream().allMatch(m -> m instanceof Mutation.Keep)) {
                return decision.result();  // the snapshot read was atomic: nothing to write
            }
            List<TxOp> ops = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                ops.add(new TxOp(keys.get(i), stamps.get(i), mutations.get(i)));
            }
            try {
                commit(ops);
                return decision.result();
            } catch (ConflictException e) {
                log.debug("multi-key update conflict, retrying");
            }
            if (attempt >= backoff.maxAttempts()) {
                throw backoff.exhausted();
            }
            backoff.pause(attempt + 2);
        }
    }

    /** All keys' raw items in one atomic, strongly consistent read (null where there is none). */
    List<Map<String, AttributeValue>> readSnapshot(List<KeyRef> keys) {
        List<TransactGetItem> gets = new ArrayList<>(keys.size());
        for (KeyRef k : keys) {
            gets.add(TransactGetItem.builder()
                    .get(Get.builder().tableName(table).key(codec.keyOf(k.db(), k.key())).build()).build());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                List<ItemResponse> responses = reads.transactGetItems(TransactGetItemsRequest.builder()
                        .transactItems(gets).overrideConfiguration(bigCall).build()).responses();
                List<Map<String, AttributeValue>> out = new ArrayList<>(keys.size());
                for (ItemResponse r : responses) {
                    out.add(r == null || !r.hasItem() || r.item().isEmpty() ? null : r.item());
                }
                return out;
            } catch (TransactionCanceledException | TransactionConflictException e) {
                // A concurrent transaction on these keys: read again.
                if (attempt >= backoff.maxAttempts()) {
                    throw backoff.exhausted();
                }
                backoff.pause(attempt + 2);
            } catch (SdkException e) {
                throw DynamoErrors.map("read", e);
            }
        }
    }
}
