package io.goredis.store.dynamo;

import io.goredis.store.Entry;
import io.goredis.store.StoreException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The {@link DynamoStore}'s reads of named keys, all strongly consistent: GET ({@link #get}, one
 * GetItem), MGET ({@link #getAll}, BatchGetItem of up to 100 keys a call, unprocessed keys sent
 * again under {@link Backoff}) and the raw item the write paths start from ({@link #readItem}).
 * Keys longer than DynamoDB allows cannot be stored, so they read as absent without a call.
 */
final class KeyReads {

    private final DynamoDbClient reads;
    private final String table;
    private final Clock clock;
    private final ItemCodec codec;
    private final Backoff backoff;

    KeyReads(DynamoDbClient reads, String table, Clock clock, ItemCodec codec, Backoff backoff) {
        this.reads = reads;
        this.table = table;
        this.clock = clock;
        this.codec = codec;
        this.backoff = backoff;
    }

    Optional<Entry> get(int db, byte[] key) {
        if (key.length > ItemCodec.MAX_KEY_BYTES) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = readItem(db, key);
        return item == null ? Optional.empty() : codec.decode(item).entryAt(clock.millis());
    }

    List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
        Map<ByteBuffer, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> pending = new ArrayList<>();
        Set<ByteBuffer> seen = new HashSet<>();
        for (byte[] key : keys) {
            if (key.length <= ItemCodec.MAX_KEY_BYTES) {
                Map<String, AttributeValue> k = codec.keyOf(db, key);
                if (seen.add(k.get(ItemCodec.PK).b().asByteBuffer())) {
                    pending.add(k);
                }
            }
        }
        for (int from = 0; from < pending.size(); from += DynamoStore.MAX_TRANSACTION_ITEMS) {
            batchGet(pending.subList(from, Math.min(pending.size(), from + DynamoStore.MAX_TRANSACTION_ITEMS)), found);
        }
        long now = clock.millis();
        List<Optional<Entry>> out = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            Map<String, AttributeValue> item = key.length <= ItemCodec.MAX_KEY_BYTES
                    ? found.get(codec.pk(db, key).b().asByteBuffer()) : null;
            out.add(item == null ? Optional.empty() : codec.decode(item).entryAt(now));
        }
        return out;
    }

    private void batchGet(List<Map<String, AttributeValue>> keys, Map<ByteBuffer, Map<String, AttributeValue>> found) {
        Map<String, KeysAndAttributes> request = Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        int attempt = 0;
        while (!request.isEmpty()) {
            backoff.pause(++attempt);
            if (attempt > backoff.maxAttempts()) {
                throw new StoreException("ERR DynamoDB read failed: BatchGetItem left keys unprocessed after "
                        + backoff.maxAttempts() + " attempts");
            }
            BatchGetItemResponse r;
            try {
                r = reads.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
            } catch (SdkException e) {
                throw DynamoErrors.map("read", e);
            }
            for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
                found.put(item.get(ItemCodec.PK).b().asByteBuffer(), item);
            }
            request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
        }
    }

    /** The raw item (tombstones and expired items included), or null if there is none. */
    Map<String, AttributeValue> readItem(int db, byte[] key) {
        try {
            GetItemResponse r = reads.getItem(GetItemRequest.builder()
                    .tableName(table).key(codec.keyOf(db, key)).consistentRead(true).build());
            return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
        } catch (SdkException e) {
            throw DynamoErrors.map("read", e);
        }
    }
}
