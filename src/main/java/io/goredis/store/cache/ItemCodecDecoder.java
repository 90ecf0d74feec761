package io.goredis.store.cache;

import io.goredis.store.Entry;
import io.goredis.store.dynamo.ItemCodec;
import io.goredis.store.dynamo.StoredItem;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Decodes the goredis table's stream records (view type NEW_AND_OLD_IMAGES) with the DynamoDB
 * store's {@link ItemCodec}:
 * <ul>
 *   <li>INSERT / MODIFY: the new image — a value, or a tombstone (the DynamoDB store deletes by
 *       writing a versioned tombstone, so a DEL arrives as a MODIFY to a tombstone);</li>
 *   <li>REMOVE: only the old image exists — the item left the table (DynamoDB's TTL sweeper, whose
 *       records carry {@code userIdentity.principalId = dynamodb.amazonaws.com}, or a physical
 *       delete). The key is absent after the removed item's version.</li>
 * </ul>
 */
public final class ItemCodecDecoder implements RecordDecoder {

    private final ItemCodec codec;

    public ItemCodecDecoder(ItemCodec codec) {
        this.codec = codec;
    }

    @Override
    public Optional<ChangeEvent> decode(Record record) {
        boolean removed = record.eventName() == OperationType.REMOVE;
        Map<String, AttributeValue> image = removed ? record.dynamodb().oldImage() : record.dynamodb().newImage();
        if (image == null || image.isEmpty()) {
            throw new IllegalArgumentException("stream record " + record.eventName()
                    + " without the image it needs (is the stream view NEW_AND_OLD_IMAGES?)");
        }
        StoredItem item = codec.decode(image);
        if (removed || item.isTombstone()) {
            return Optional.of(ChangeEvent.delete(item.db(), item.key(), item.version()));
        }
        return Optional.of(ChangeEvent.put(item.db(), item.key(),
                new Entry(item.value(), item.expireAtMillis(), item.version())));
    }
}
