package io.goredis.store.cache;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns one stream record of the goredis table into a {@link ChangeEvent}; empty for a record that
 * is not a goredis item. Throws {@link IllegalArgumentException} for an item it cannot read (the
 * poller then stops trusting its cache: it cannot tell which key changed).
 */
@FunctionalInterface
public interface RecordDecoder {
    Optional<ChangeEvent> decode(Record record);
}
