package io.goredis.store.dynamo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.store.Entry;
import io.goredis.store.StoreException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemCodecTest {

    private final ItemCodec codec = new ItemCodec(Duration.ofSeconds(60));

    @Test
    void encode_decode_roundTripsEveryByte() {
        byte[] key = new byte[256];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        byte[] value = "a\r\nb\0c".getBytes(UTF_8);
        Map<String, AttributeValue> item = codec.encode(15, key, value, 1_700_000_000_123L, 42);
        StoredItem s = codec.decode(item);
        assertEquals(15, s.db());
        assertArrayEquals(key, s.key());
        assertEquals(io.goredis.store.value.StringValue.of(value), s.value());
        assertEquals(1_700_000_000_123L, s.expireAtMillis());
        assertEquals(42, s.version());
        assertFalse(s.isTombstone());
        assertEquals("1700000061", item.get(ItemCodec.TTL).n());
    }

    @Test
    void encode_emptyKey_pkIsTheDbByte() {
        Map<String, AttributeValue> item = codec.encode(0, new byte[0], new byte[0], Entry.NO_EXPIRY, 1);
        assertArrayEquals(new byte[] {0}, item.get(ItemCodec.PK).b().asByteArray());
        assertFalse(item.containsKey(ItemCodec.EXPIRE_AT));
        assertFalse(item.containsKey(ItemCodec.TTL));
        StoredItem s = codec.decode(item);
        assertEquals(0, s.key().length);
        assertEquals(Entry.NO_EXPIRY, s.expireAtMillis());
        assertEquals(new Entry(new byte[0], Entry.NO_EXPIRY, 1), s.entryAt(Long.MAX_VALUE).orElseThrow());
    }

    @Test
    void tombstone_decodesAsAbsentWithVersion() {
        Map<String, AttributeValue> item = codec.tombstone(2, "k".getBytes(UTF_8), 99, 5_000);
        assertFalse(item.containsKey(ItemCodec.VALUE));
        StoredItem s = codec.decode(item);
        assertTrue(s.isTombstone());
        assertNull(s.value());
        assertEquals(99, s.version());
        assertTrue(s.entryAt(0).isEmpty());
        assertEquals("66", item.get(ItemCodec.TTL).n());
        assertTrue(s.toString().contains("tombstone"));
    }

    @Test
    void entryAt_expiredAfterItsMillisecond() {
        StoredItem s = codec.decode(codec.encode(0, new byte[] {1}, new byte[] {2}, 1000, 7));
        assertTrue(s.entryAt(1000).isPresent());
        assertTrue(s.entryAt(1001).isEmpty());
    }

    @Test
    void pk_helpers() {
        AttributeValue pk = codec.pk(255, new byte[] {9, 8});
        assertEquals(255, codec.dbOf(pk));
        assertArrayEquals(new byte[] {9, 8}, codec.keyOf(pk));
        assertEquals(Map.of(ItemCodec.PK, pk), codec.keyOf(255, new byte[] {9, 8}));
        assertThrows(IllegalArgumentException.class, () -> codec.pk(256, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> codec.pk(-1, new byte[0]));
    }

    @Test
    void decode_rejectsForeignItems() {
        assertThrows(IllegalArgumentException.class, () -> codec.decode(Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> codec.decode(Map.of(ItemCodec.PK, AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0})))));
        Map<String, AttributeValue> emptyPk = new HashMap<>();
        emptyPk.put(ItemCodec.PK, AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])));
        emptyPk.put(ItemCodec.VERSION, AttributeValue.fromN("1"));
        assertThrows(IllegalArgumentException.class, () -> codec.decode(emptyPk));
        emptyPk.put(ItemCodec.PK, AttributeValue.fromS("text"));
        assertThrows(IllegalArgumentException.class, () -> codec.decode(emptyPk));
    }

    @Test
    void versionOf_absentIsMinusOne() {
        assertEquals(-1, codec.versionOf(null));
        assertEquals(-1, codec.versionOf(Map.of()));
        assertEquals(3, codec.versionOf(codec.tombstone(0, new byte[0], 3, 0)));
    }

    @Test
    void checkKey_limitIs2047Bytes() {
        codec.checkKey(new byte[ItemCodec.MAX_KEY_BYTES]);
        StoreException e = assertThrows(StoreException.class, () -> codec.checkKey(new byte[ItemCodec.MAX_KEY_BYTES + 1]));
        assertEquals("ERR key too large for the DynamoDB store (max 2047 bytes, was 2048)", e.getMessage());
    }

    @Test
    void checkPut_refusesItemsOver400Kb() {
        codec.checkPut(new byte[10], new byte[400 * 1024 - 200]);
        StoreException e = assertThrows(StoreException.class, () -> codec.checkPut(new byte[10], new byte[400 * 1024]));
        assertEquals("ERR value too large for the DynamoDB store (max 400 KB item)", e.getMessage());
    }

    @Test
    void constructor_rejectsNegativeGrace() {
        assertThrows(IllegalArgumentException.class, () -> new ItemCodec(Duration.ofSeconds(-1)));
        assertEquals(ItemCodec.DEFAULT_TTL_GRACE.toSeconds() + 1, new ItemCodec().ttlSeconds(0));
    }

    @Test
    void storedItem_equality() {
        StoredItem a = codec.decode(codec.encode(1, new byte[] {1}, new byte[] {2}, 0, 3));
        StoredItem b = codec.decode(codec.encode(1, new byte[] {1}, new byte[] {2}, 0, 3));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.equals(codec.decode(codec.encode(1, new byte[] {1}, new byte[] {2}, 0, 4))));
        assertTrue(a.toString().contains("version=3"));
    }
}
