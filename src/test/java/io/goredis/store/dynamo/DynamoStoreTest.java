package io.goredis.store.dynamo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import io.goredis.store.ConflictException;
import io.goredis.store.Stamp;
import io.goredis.store.TxOp;
import io.goredis.store.Mutation;
import io.goredis.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * DynamoStore against a Mockito-mocked client, for what DynamoDB Local will not do on demand:
 * throttling past the SDK's retries, timeouts, 5xx, and losing a conditional-write race at the
 * exact wrong moment. Requests are stubbed by their object overloads (the SDK's lambda overloads
 * are default methods a mock does not route).
 */
class DynamoStoreTest {

    private static final long NOW = 1_700_000_000_000L;
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private final ItemCodec codec = new ItemCodec();
    private final DynamoDbClient client = mock(DynamoDbClient.class);
    private final DynamoStore store = new DynamoStore(client, client, "t", clock, codec, Backoff.NONE, null,
            java.time.Duration.ofSeconds(5));

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private Map<String, AttributeValue> item(String key, String value, long version) {
        return codec.encode(0, b(key), b(value), Entry.NO_EXPIRY, version);
    }

    private static ConditionalCheckFailedException conditionFailed(Map<String, AttributeValue> current) {
        return ConditionalCheckFailedException.builder().message("The conditional request failed")
                .item(current).build();
    }

    private static Incr incr() {
        return new Incr();
    }

    /** INCR as the string commands do it, as a pure function of the current entry. */
    private static final class Incr implements io.goredis.store.Updater<Long> {
        int calls;

        @Override
        public Decision<Long> apply(Optional<Entry> cur) {
            calls++;
            long next = cur.map(e -> Long.parseLong(new String(e.bytes(), UTF_8))).orElse(0L) + 1;
            return Decision.put(Long.toString(next).getBytes(UTF_8), Entry.NO_EXPIRY, next);
        }
    }

    @Test
    void update_loosesRaceBetweenReadAndWrite_rerunsOnFreshItem() {
        when(client.getItem(any(GetItemRequest.class)))
                .thenReturn(GetItemResponse.builder().item(item("k", "10", 5)).build());
        when(client.putItem(any(PutItemRequest.class)))
                .thenThrow(conditionFailed(item("k", "20", 6)))
                .thenReturn(PutItemResponse.builder().build());
        Incr incr = incr();

        assertEquals(21L, store.update(0, b("k"), incr));

        assertEquals(2, incr.calls);
        ArgumentCaptor<PutItemRequest> puts = ArgumentCaptor.forClass(PutItemRequest.class);
        verify(client, times(2)).putItem(puts.capture());
        PutItemRequest first = puts.getAllValues().get(0);
        PutItemRequest second = puts.getAllValues().get(1);
        assertEquals("#ver = :old", first.conditionExpression());
        assertEquals("5", first.expressionAttributeValues().get(":old").n());
        assertEquals("6", second.expressionAttributeValues().get(":old").n());
        assertArrayEquals(b("21"), second.item().get(ItemCodec.VALUE).b().asByteArray());
        assertTrue(Long.parseLong(second.item().get(ItemCodec.VERSION).n()) > 6);
        verify(client, times(1)).getItem(any(GetItemRequest.class));  // the failure carried the fresh item
    }

    @Test
    void update_absentKey_conditionIsAttributeNotExists() {
        when(client.getItem(any(GetItemRequest.class))).thenReturn(GetItemResponse.builder().build());
        when(client.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        assertEquals(1L, store.update(0, b("k"), incr()));
        ArgumentCaptor<PutItemRequest> put = ArgumentCaptor.forClass(PutItemRequest.class);
        verify(client).putItem(put.capture());
        assertEquals("attribute_not_exists(#pk)", put.getValue().conditionExpression());
    }

    @Test
    void update_keyDeletedByOtherNodeMidRace_seesEmpty() {
        when(client.getItem(any(GetItemRequest.class)))
                .thenReturn(GetItemResponse.builder().item(item("k", "10", 5)).build());
        when(client.putItem(any(PutItemRequest.class)))
                .thenThrow(conditionFailed(codec.tombstone(0, b("k"), 6, NOW)))
                .thenReturn(PutItemResponse.builder().build());
        assertEquals(1L, store.update(0, b("k"), incr()));
    }

    @Test
    void update_alwaysLosing_givesUpWithClearError() {
        when(client.getItem(any(GetItemRequest.class)))
                .thenReturn(GetItemResponse.builder().item(item("k", "1", 5)).build());
        when(client.putItem(any(PutItemRequest.class))).thenThrow(conditionFailed(item("k", "1", 5)));
        StoreException e = assertThrows(StoreException.class, () -> store.update(0, b("k"), incr()));
        assertTrue(e.getMessage().startsWith("ERR DynamoDB write conflict"), e.getMessage());
        verify(client, times(Backoff.NONE.maxAttempts())).putItem(any(PutItemRequest.class));
    }

    @Test
    void update_transactionConflict_rereadsAndRetries() {
        when(client.getItem(any(GetItemRequest.class)))
                .thenReturn(GetItemResponse.builder().item(item("k", "1", 5)).build())
                .thenReturn(GetItemResponse.builder().item(item("k", "7", 9)).build());
        when(client.putItem(any(PutItemRequest.class)))
                .thenThrow(TransactionConflictException.builder().message("conflict").build())
                .thenReturn(PutItemResponse.builder().build());
        assertEquals(8L, store.update(0, b("k"), incr()));
    }

    @Test
    void get_throttledPastRetries_errorNamesTheCause() {
        when(client.getItem(any(GetItemRequest.class))).thenThrow(ProvisionedThroughputExceededException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("The level of configured provisioned throughput for the table was exceeded")
                        .build())
                .build());
        StoreException e = assertThrows(StoreException.class, () -> store.get(0, b("k")));
        assertEquals("ERR DynamoDB read failed: throttled: ProvisionedThroughputExceededException: "
                + "The level of configured provisioned throughput for the table was exceeded", e.getMessage());
    }

    @Test
    void put_timeout_errorThenNextCallWorks() {
        when(client.putItem(any(PutItemRequest.class)))
                .thenThrow(ApiCallTimeoutException.create(5000))
                .thenReturn(PutItemResponse.builder().build());
        StoreException e = assertThrows(StoreException.class, () -> store.put(0, b("k"), b("v"), Entry.NO_EXPIRY));
        assertTrue(e.getMessage().startsWith("ERR DynamoDB write failed: timed out"), e.getMessage());
        assertTrue(store.put(0, b("k"), b("v"), Entry.NO_EXPIRY) > 0);
    }

    @Test
    void delete_serverError_isOneLineError() {
        when(client.putItem(any(PutItemRequest.class))).thenThrow(DynamoDbException.builder()
                .statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError")
                        .errorMessage("Internal server error\r\nretry later").build())
                .build());
        StoreException e = assertThrows(StoreException.class, () -> store.delete(0, b("k")));
        assertEquals("ERR DynamoDB write failed: InternalServerError: Internal server error  retry later", e.getMessage());
    }

    @Test
    void scan_unreachable_errorNamesRootCause() {
        when(client.scan(any(ScanRequest.class))).thenThrow(SdkClientException.builder()
                .message("Unable to execute HTTP request")
                .cause(new java.net.ConnectException("Connection refused")).build());
        StoreException e = assertThrows(StoreException.class, () -> store.stats(0));
        assertEquals("ERR DynamoDB scan failed: ConnectException: Connection refused", e.getMessage());
    }

    @Test
    void put_newerVersionStored_retriesAboveIt() {
        long ahead = NOW * 1000 + 5_000_000;  // another node's clock is 5 s ahead
        when(client.putItem(any(PutItemRequest.class)))
                .thenThrow(conditionFailed(item("k", "x", ahead)))
                .thenReturn(PutItemResponse.builder().build());
        assertEquals(ahead + 1, store.put(0, b("k"), b("v"), Entry.NO_EXPIRY));
    }

    @Test
    void delete_itemExpiredMeanwhile_false() {
        when(client.putItem(any(PutItemRequest.class))).thenThrow(conditionFailed(
                codec.encode(0, b("k"), b("v"), NOW - 1, 3)));
        assertFalse(store.delete(0, b("k")));
    }

    @Test
    void delete_liveButNewerVersion_retriesAbove() {
        long ahead = NOW * 1000 + 9_000_000;
        when(client.putItem(any(PutItemRequest.class)))
                .thenThrow(conditionFailed(item("k", "v", ahead)))
                .thenReturn(PutItemResponse.builder().build());
        assertTrue(store.delete(0, b("k")));
        ArgumentCaptor<PutItemRequest> puts = ArgumentCaptor.forClass(PutItemRequest.class);
        verify(client, times(2)).putItem(puts.capture());
        assertEquals(Long.toString(ahead + 1), puts.getAllValues().get(1).item().get(ItemCodec.VERSION).n());
    }

    @Test
    void limits_refusedBeforeAnyCall() {
        StoreException big = assertThrows(StoreException.class,
                () -> store.put(0, b("k"), new byte[400 * 1024], Entry.NO_EXPIRY));
        assertEquals("ERR value too large for the DynamoDB store (max 400 KB item)", big.getMessage());
        assertThrows(StoreException.class, () -> store.update(0, new byte[2048], incr()));
        List<KeyRef> many = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            many.add(new KeyRef(0, b("k" + i)));
        }
        StoreException tooMany = assertThrows(StoreException.class,
                () -> store.updateAll(many, cur -> new Decision.Multi<>(List.of(), null)));
        assertEquals("ERR too many keys for one DynamoDB transaction (max 100, got 101)", tooMany.getMessage());
        assertTrue(store.get(0, new byte[2048]).isEmpty());
        assertFalse(store.delete(0, new byte[2048]));
        verifyNoInteractions(client);
    }

    @Test
    void swap_refused() {
        StoreException e = assertThrows(StoreException.class, () -> store.swap(0, 1));
        assertEquals("ERR SWAPDB is not supported by the DynamoDB store", e.getMessage());
    }

    private void stubSnapshot(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        when(client.transactGetItems(any(TransactGetItemsRequest.class))).thenReturn(TransactGetItemsResponse.builder()
                .responses(ItemResponse.builder().item(a).build(), ItemResponse.builder().item(b).build()).build());
    }

    private static Decision.Multi<Void> setBoth(List<Optional<Entry>> cur) {
        return new Decision.Multi<>(List.of(Mutation.put(b("x"), 0), Mutation.KEEP), null);
    }

    @Test
    void updateAll_cancelledByConditionOrConflict_retries() {
        stubSnapshot(item("a", "1", 1), null);
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenThrow(TransactionCanceledException.builder().message("cancelled")
                        .cancellationReasons(CancellationReason.builder().code("ConditionalCheckFailed").build(),
                                CancellationReason.builder().code("None").build()).build())
                .thenThrow(TransactionConflictException.builder().message("conflict").build())
                .thenReturn(TransactWriteItemsResponse.builder().build());
        store.updateAll(List.of(new KeyRef(0, b("a")), new KeyRef(1, b("b"))), DynamoStoreTest::setBoth);
        ArgumentCaptor<TransactWriteItemsRequest> tx = ArgumentCaptor.forClass(TransactWriteItemsRequest.class);
        verify(client, times(3)).transactWriteItems(tx.capture());
        TransactWriteItemsRequest last = tx.getValue();
        assertEquals(DynamoTransactions.IF_LIVE_VERSION, last.transactItems().get(0).put().conditionExpression());
        assertEquals("attribute_not_exists(#pk)", last.transactItems().get(1).conditionCheck().conditionExpression());
        assertTrue(last.clientRequestToken() != null);
    }

    @Test
    void commit_unknownOutcome_resendsTheSameRequestWithTheSameToken() {
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenThrow(ApiCallAttemptTimeoutException.create(2000))
                .thenThrow(software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException.builder()
                        .statusCode(500).message("internal").build())
                .thenReturn(TransactWriteItemsResponse.builder().build());
        store.commit(List.of(new TxOp(new KeyRef(0, b("a")), Stamp.absent(Stamp.NO_ITEM), Mutation.put(b("1"), 0)),
                new TxOp(new KeyRef(0, b("b")), Stamp.live(7), Mutation.KEEP)));
        ArgumentCaptor<TransactWriteItemsRequest> tx = ArgumentCaptor.forClass(TransactWriteItemsRequest.class);
        verify(client, times(3)).transactWriteItems(tx.capture());
        List<TransactWriteItemsRequest> sent = tx.getAllValues();
        assertEquals(sent.get(0).clientRequestToken(), sent.get(1).clientRequestToken());
        assertEquals(sent.get(0), sent.get(2));
    }

    @Test
    void commit_outcomeStillUnknown_answersAnErrorThatSaysSo() {
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenThrow(ApiCallAttemptTimeoutException.create(2000));
        StoreException e = assertThrows(StoreException.class, () -> store.commit(List.of(
                new TxOp(new KeyRef(0, b("a")), null, Mutation.put(b("1"), 0)),
                new TxOp(new KeyRef(0, b("b")), null, Mutation.put(b("2"), 0)))));
        assertTrue(e.getMessage().contains("outcome unknown"), e.getMessage());
        verify(client, times(1 + DynamoTransactions.UNKNOWN_OUTCOME_RESENDS))
                .transactWriteItems(any(TransactWriteItemsRequest.class));
    }

    @Test
    void commit_cancelledByACondition_isAConflictOnThatKey() {
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenThrow(TransactionCanceledException.builder().message("cancelled")
                        .cancellationReasons(CancellationReason.builder().code("None").build(),
                                CancellationReason.builder().code("ConditionalCheckFailed").build()).build())
                .thenThrow(TransactionCanceledException.builder().message("cancelled")
                        .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build(),
                                CancellationReason.builder().code("None").build()).build());
        List<TxOp> ops = List.of(new TxOp(new KeyRef(0, b("a")), null, Mutation.put(b("1"), 0)),
                new TxOp(new KeyRef(0, b("b")), Stamp.live(3), Mutation.KEEP));
        assertEquals(1, assertThrows(ConflictException.class, () -> store.commit(ops)).index());
        assertEquals(-1, assertThrows(ConflictException.class, () -> store.commit(ops)).index());
    }

    @Test
    void commit_oneKey_isOneConditionalPutItem_neverResentOnAnUnknownOutcome() {
        when(client.putItem(any(PutItemRequest.class)))
                .thenReturn(PutItemResponse.builder().build())
                .thenThrow(ApiCallAttemptTimeoutException.create(2000))
                .thenThrow(conditionFailed(null));
        List<TxOp> one = List.of(new TxOp(new KeyRef(0, b("a")), Stamp.live(7), Mutation.put(b("1"), 0)));
        store.commit(one);
        ArgumentCaptor<PutItemRequest> put = ArgumentCaptor.forClass(PutItemRequest.class);
        verify(client).putItem(put.capture());
        assertEquals(DynamoTransactions.IF_LIVE_VERSION, put.getValue().conditionExpression());
        StoreException e = assertThrows(StoreException.class, () -> store.commit(one));
        assertTrue(e.getMessage().startsWith("ERR DynamoDB write failed: timed out"), e.getMessage());
        assertEquals(0, assertThrows(ConflictException.class, () -> store.commit(one)).index());
        verify(client, times(3)).putItem(any(PutItemRequest.class));
        verify(client, times(0)).transactWriteItems(any(TransactWriteItemsRequest.class));
    }

    @Test
    void commit_readOnly_validatesWithOneSnapshotRead() {
        stubSnapshot(item("a", "1", 5), null);
        store.commit(List.of(new TxOp(new KeyRef(0, b("a")), Stamp.live(5), Mutation.KEEP),
                new TxOp(new KeyRef(1, b("b")), Stamp.absent(Stamp.NO_ITEM), Mutation.KEEP)));
        verify(client, times(0)).transactWriteItems(any(TransactWriteItemsRequest.class));
        assertThrows(ConflictException.class, () -> store.commit(List.of(
                new TxOp(new KeyRef(0, b("a")), Stamp.live(4), Mutation.KEEP),
                new TxOp(new KeyRef(1, b("b")), Stamp.absent(Stamp.NO_ITEM), Mutation.KEEP))));
    }

    @Test
    void updateAll_validationError_failsWithoutRetry() {
        stubSnapshot(null, null);
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenThrow(TransactionCanceledException.builder().message("cancelled")
                        .cancellationReasons(CancellationReason.builder().code("ValidationError")
                                .message("Item size has exceeded the maximum allowed size").build()).build());
        StoreException e = assertThrows(StoreException.class,
                () -> store.updateAll(List.of(new KeyRef(0, b("a")), new KeyRef(1, b("b"))), DynamoStoreTest::setBoth));
        assertEquals("ERR DynamoDB transaction failed: ValidationError: Item size has exceeded the maximum allowed size",
                e.getMessage());
        verify(client, times(1)).transactWriteItems(any(TransactWriteItemsRequest.class));
    }

    @Test
    void updateAll_unreachable_mapsError() {
        when(client.transactGetItems(any(TransactGetItemsRequest.class)))
                .thenThrow(ApiCallTimeoutException.create(5000));
        StoreException e = assertThrows(StoreException.class,
                () -> store.updateAll(List.of(new KeyRef(0, b("a")), new KeyRef(1, b("b"))), DynamoStoreTest::setBoth));
        assertTrue(e.getMessage().startsWith("ERR DynamoDB read failed: timed out"), e.getMessage());
    }

    @Test
    void updateAll_transactionTooLarge_refusedBeforeWriting() {
        stubSnapshot(null, null);
        List<KeyRef> keys = new ArrayList<>();
        List<Mutation> puts = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            keys.add(new KeyRef(0, b("k" + i)));
            puts.add(Mutation.put(new byte[390 * 1024], 0));
        }
        when(client.transactGetItems(any(TransactGetItemsRequest.class))).thenReturn(TransactGetItemsResponse.builder()
                .responses(java.util.Collections.nCopies(11, ItemResponse.builder().build())).build());
        StoreException e = assertThrows(StoreException.class,
                () -> store.updateAll(keys, cur -> new Decision.Multi<>(puts, null)));
        assertEquals("ERR values too large for one DynamoDB transaction (max 4 MB in all)", e.getMessage());
        verify(client, times(0)).transactWriteItems(any(TransactWriteItemsRequest.class));
    }

    @Test
    void flush_batchCancelledByConcurrentWrite_fallsBackKeyByKey() {
        List<Map<String, AttributeValue>> scanned = List.of(item("a", "1", 1), item("b", "2", 2), item("c", "3", 3));
        when(client.scan(any(ScanRequest.class))).thenReturn(
                software.amazon.awssdk.services.dynamodb.model.ScanResponse.builder().items(scanned).build());
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenThrow(TransactionCanceledException.builder().message("cancelled").build());
        when(client.putItem(any(PutItemRequest.class)))
                .thenReturn(PutItemResponse.builder().build())
                .thenThrow(conditionFailed(item("b", "new", 9)))
                .thenReturn(PutItemResponse.builder().build());
        store.flush(0);
        verify(client, times(1)).transactWriteItems(any(TransactWriteItemsRequest.class));
        verify(client, times(3)).putItem(any(PutItemRequest.class));
    }

    @Test
    void flush_oneTransactionPerBatch() {
        List<Map<String, AttributeValue>> scanned = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            scanned.add(item("k" + i, "v", i + 1));
        }
        when(client.scan(any(ScanRequest.class))).thenReturn(
                software.amazon.awssdk.services.dynamodb.model.ScanResponse.builder().items(scanned).build());
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenReturn(TransactWriteItemsResponse.builder().build());
        when(client.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        store.flushAll();
        ArgumentCaptor<TransactWriteItemsRequest> tx = ArgumentCaptor.forClass(TransactWriteItemsRequest.class);
        verify(client, times(2)).transactWriteItems(tx.capture());
        assertEquals(100, tx.getAllValues().stream().mapToInt(r -> r.transactItems().size()).sum());
        verify(client, times(1)).putItem(any(PutItemRequest.class));  // 101 = 50 + 50 in transactions + 1 alone
    }
}
