package io.goredis.store.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.store.Entry;
import io.goredis.store.dynamo.ItemCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Stream records of the goredis table, shaped as DynamoDB Streams delivers them, to change events. */
class ItemCodecDecoderTest {

    private final ItemCodec codec = new ItemCodec();
    private final ItemCodecDecoder decoder = new ItemCodecDecoder(codec);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Record record(OperationType op, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        return Record.builder().eventName(op).dynamodb(StreamRecord.builder().sequenceNumber("1")
                .oldImage(oldImage).newImage(newImage).build()).build();
    }

    @Test
    void insert_isAPut() {
        ChangeEvent e = decoder.decode(record(OperationType.INSERT, null, codec.encode(3, b("k"), b("v"), 1234, 7))).orElseThrow();
        assertEquals(3, e.db());
        assertArrayEquals(b("k"), e.key());
        assertEquals(7, e.version());
        Entry entry = e.entry().orElseThrow();
        assertArrayEquals(b("v"), entry.bytes());
        assertEquals(1234, entry.expireAtMillis());
    }

    @Test
    void modifyToTombstone_isADeleteAtTheTombstonesVersion() {
        ChangeEvent e = decoder.decode(record(OperationType.MODIFY, codec.encode(0, b("k"), b("v"), 0, 7),
                codec.tombstone(0, b("k"), 9, 1000))).orElseThrow();
        assertTrue(e.entry().isEmpty());
        assertEquals(9, e.version());
        assertEquals(19, e.rank());
    }

    @Test
    void ttlRemove_isADeleteAfterTheRemovedVersion() {
        Record ttl = Record.builder().eventName(OperationType.REMOVE)
                .userIdentity(Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build())
                .dynamodb(StreamRecord.builder().sequenceNumber("2").oldImage(codec.encode(0, b("k"), b("v"), 5, 7)).build())
                .build();
        ChangeEvent e = decoder.decode(ttl).orElseThrow();
        assertTrue(e.entry().isEmpty());
        assertEquals(7, e.version());
    }

    @Test
    void removeWithoutOldImage_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(record(OperationType.REMOVE, null, null)));
    }

    @Test
    void foreignItem_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(record(OperationType.INSERT, null,
                Map.of("id", AttributeValue.fromS("not goredis")))));
    }
}
