package io.goredis.store.dynamo;

import static io.goredis.store.dynamo.DynamoStore.IF_VERSION;
import static io.goredis.store.dynamo.DynamoStore.NAMES_VER;
import static io.goredis.store.dynamo.DynamoStore.number;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The writes of FLUSHDB and FLUSHALL: {@link TableScanner#flush} scans the items holding a value
 * and hands them here in batches, to be tombstoned each on the condition that it still holds the
 * version the scan saw. A key a concurrent write changed after the scan saw it is skipped: that
 * write counts as after the flush. Tombstones take their versions from the store's
 * {@link VersionClock}, above the version seen, like every other write.
 */
final class FlushWrites {

    private static final Logger log = LoggerFactory.getLogger(FlushWrites.class);

    private final DynamoDbClient writes;
    private final String table;
    private final Clock clock;
    private final ItemCodec codec;
    private final VersionClock versionClock;
    /** For transactions of up to 100 items: an attempt may use the whole call timeout. */
    private final AwsRequestOverrideConfiguration bigCall;

    FlushWrites(DynamoDbClient writes, String table, Clock clock, ItemCodec codec, VersionClock versionClock,
                AwsRequestOverrideConfiguration bigCall) {
        this.writes = writes;
        this.table = table;
        this.clock = clock;
        this.codec = codec;
        this.versionClock = versionClock;
        this.bigCall = bigCall;
    }

    /**
     * Tombstones {@code pk} if it still holds {@code version}: used by FLUSHDB, which skips a key
     * that a concurrent write changed after the scan saw it (that write counts as after the flush).
     * Returns false if the condition failed.
     */
    boolean tombstoneIfUnchanged(AttributeValue pk, long version) {
        try {
            writes.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(codec.tombstone(codec.dbOf(pk), codec.keyOf(pk), versionClock.next(version), clock.millis()))
                    .conditionExpression(IF_VERSION)
                    .expressionAttributeNames(NAMES_VER)
                    .expressionAttributeValues(Map.of(":old", number(version)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException | TransactionConflictException e) {
            log.debug("flush skipped a key changed concurrently");
            return false;
        } catch (SdkException e) {
            throw DynamoErrors.map("write", e);
        }
    }

    /**
     * Tombstones up to 100 scanned items in one TransactWriteItems, each conditioned on the version
     * the scan saw (one round trip instead of one per key). If any key changed meanwhile the
     * transaction is cancelled and the keys are tombstoned one by one, skipping the changed ones.
     */
    void tombstoneAllIfUnchanged(List<AttributeValue> pks, List<Long> versions) {
        if (pks.size() == 1) {
            tombstoneIfUnchanged(pks.get(0), versions.get(0));
            return;
        }
        long now = clock.millis();
        List<TransactWriteItem> items = new ArrayList<>(pks.size());
        for (int i = 0; i < pks.size(); i++) {
            AttributeValue pk = pks.get(i);
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(codec.tombstone(codec.dbOf(pk), codec.keyOf(pk), versionClock.next(versions.get(i)), now))
                    .conditionExpression(IF_VERSION).expressionAttributeNames(NAMES_VER)
                    .expressionAttributeValues(Map.of(":old", number(versions.get(i)))).build()).build());
        }
        try {
            writes.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items)
                    .clientRequestToken(UUID.randomUUID().toString())
                    .overrideConfiguration(bigCall).build());
        } catch (TransactionCanceledException | TransactionConflictException e) {
            for (int i = 0; i < pks.size(); i++) {
                tombstoneIfUnchanged(pks.get(i), versions.get(i));
            }
        } catch (SdkException e) {
            throw DynamoErrors.map("write", e);
        }
    }
}
