package io.goredis.store.dynamo;

import io.goredis.store.value.StringValue;
import io.goredis.store.value.Type;
import io.goredis.store.value.Value;
import io.goredis.store.value.ValueCodec;
import io.goredis.store.Entry;
import io.goredis.store.StoreException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The goredis table's item layout: how a key of a numbered database, its value, expiry and version
 * are written to one DynamoDB item, and read back from GetItem results, Scan pages and DynamoDB
 * Streams images (the caching store decodes NEW and OLD images with {@link #decode}).
 *
 * <h2>Layout</h2>
 * <pre>
 *   pk   B  partition key: 1 byte database index, then the key bytes (Redis's empty key is valid:
 *           DynamoDB rejects an empty B key, and the db byte makes pk at least one byte long)
 *   v    B  the value ({@link ValueCodec}); absent on a tombstone
 *   t    N  the value's type code ({@link Type#code}); absent = a string
 *   e    N  a string's encoding hint ({@link StringValue#formCode}) where the bytes alone do not tell it
 *   f    N  the item's layout; absent or 1 = the whole value in {@code v}. Other layouts (a large
 *           collection as an item per field under a sort key) are refused until they exist.
 *   ver  N  the version: strictly increasing per key across every write, delete included
 *   exp  N  absolute expiry, epoch milliseconds; absent = no expiry; on a tombstone, the delete time
 *   ttl  N  epoch seconds for DynamoDB's TTL sweeper: expiry (or delete time) + a grace period;
 *           absent on an entry without expiry
 * </pre>
 * A delete writes a <b>tombstone</b> (no {@code v}) instead of removing the item, so the next write
 * to the key still sees the old version and goes above it. The sweeper removes tombstones and
 * expired items after the grace period; until then readers treat them as absent.
 *
 * <p>Thread-safe and immutable. Not a place for DynamoDB calls: pure encoding only.
 */
public final class ItemCodec {

    /** Partition key attribute (B). */
    public static final String PK = "pk";
    /** Value attribute (B); absent on tombstones. */
    public static final String VALUE = "v";
    /** Type attribute (N); absent = string. */
    public static final String TYPE = "t";
    /** Layout attribute (N); absent or {@link #LAYOUT_INLINE} = the whole value in {@code v}. */
    public static final String LAYOUT = "f";
    /** The one layout so far: the whole value in {@code v}. */
    public static final int LAYOUT_INLINE = 1;
    /** A string's encoding hint (N, {@link StringValue#formCode}): absent = follows from the bytes. */
    public static final String FORM = "e";
    /** Version attribute (N). */
    public static final String VERSION = "ver";
    /** Expiry attribute, epoch millis (N); absent = no expiry. */
    public static final String EXPIRE_AT = "exp";
    /** TTL attribute for DynamoDB's sweeper, epoch seconds (N). */
    public static final String TTL = "ttl";

    /** DynamoDB's limit on a partition key's size, in bytes. */
    public static final int MAX_PK_BYTES = 2048;
    /** Longest Redis key this layout can store: the partition key limit minus the db byte. */
    public static final int MAX_KEY_BYTES = MAX_PK_BYTES - 1;
    /** DynamoDB's item size limit (400 KB), attribute names included. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;
    /** Highest database index the one-byte prefix can carry. */
    public static final int MAX_DB = 255;

    /** Default time the sweeper leaves a tombstone or expired item before reclaiming it. */
    public static final Duration DEFAULT_TTL_GRACE = Duration.ofHours(1);

    // Each number is at most 21 bytes in DynamoDB's size accounting (20 digits / 2 + 1, rounded up).
    private static final int NUMBER_BYTES = 21;
    private static final int FIXED_OVERHEAD = PK.length() + VALUE.length() + VERSION.length()
            + EXPIRE_AT.length() + TTL.length() + 3 * NUMBER_BYTES + TYPE.length() + LAYOUT.length() + FORM.length() + 6;

    private final long ttlGraceSeconds;

    /** A codec with the {@link #DEFAULT_TTL_GRACE}. */
    public ItemCodec() {
        this(DEFAULT_TTL_GRACE);
    }

    /**
     * @param ttlGrace how long after expiry or delete the {@code ttl} attribute lets DynamoDB sweep
     *                 the item. It must exceed the clock skew between nodes: versions come from
     *                 clocks once the sweeper has forgotten a key's history.
     */
    public ItemCodec(Duration ttlGrace) {
        if (ttlGrace.isNegative()) {
            throw new IllegalArgumentException("ttlGrace must be >= 0, was " + ttlGrace);
        }
        this.ttlGraceSeconds = ttlGrace.toSeconds();
    }

    /** The partition key value for {@code key} in {@code db}: the db byte, then the key. */
    public AttributeValue pk(int db, byte[] key) {
        if (db < 0 || db > MAX_DB) {
            throw new IllegalArgumentException("db must be 0.." + MAX_DB + ", was " + db);
        }
        byte[] pk = new byte[key.length + 1];
        pk[0] = (byte) db;
        System.arraycopy(key, 0, pk, 1, key.length);
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(pk));
    }

    /** The key map ({@code pk} only) for GetItem, DeleteItem, ConditionCheck. */
    public Map<String, AttributeValue> keyOf(int db, byte[] key) {
        return Map.of(PK, pk(db, key));
    }

    /** The database index a partition key belongs to. */
    public int dbOf(AttributeValue pk) {
        return pkBytes(pk)[0] & 0xff;
    }

    /** The Redis key a partition key holds. */
    public byte[] keyOf(AttributeValue pk) {
        byte[] raw = pkBytes(pk);
        byte[] key = new byte[raw.length - 1];
        System.arraycopy(raw, 1, key, 0, key.length);
        return key;
    }

    /** A full item holding a string value. {@code expireAtMillis} is {@link Entry#NO_EXPIRY} for none. */
    public Map<String, AttributeValue> encode(int db, byte[] key, byte[] value, long expireAtMillis, long version) {
        return encode(db, key, StringValue.of(value), expireAtMillis, version);
    }

    /**
     * A full item holding {@code value}. Refuses, with a {@link StoreException} and before anything
     * is written, a key or value that would make the item larger than DynamoDB's 400 KB.
     */
    public Map<String, AttributeValue> encode(int db, byte[] key, Value value, long expireAtMillis, long version) {
        byte[] bytes = ValueCodec.encode(value);
        checkPut(key, bytes);
        Map<String, AttributeValue> item = new HashMap<>(8);
        item.put(PK, pk(db, key));
        item.put(VALUE, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(bytes)));
        item.put(VERSION, number(version));
        if (value.type() != Type.STRING) {
            item.put(TYPE, number(value.type().code()));
            item.put(LAYOUT, number(LAYOUT_INLINE));
        } else if (((StringValue) value).formCode() != 0) {
            item.put(FORM, number(((StringValue) value).formCode()));
        }
        if (expireAtMillis != Entry.NO_EXPIRY) {
            item.put(EXPIRE_AT, number(expireAtMillis));
            item.put(TTL, number(ttlSeconds(expireAtMillis)));
        }
        return item;
    }

    /** An upper bound of an encoded item's size as DynamoDB counts it. */
    public static long itemSize(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(VALUE);
        return FIXED_OVERHEAD + item.get(PK).b().asByteArrayUnsafe().length
                + (v == null ? 0 : v.b().asByteArrayUnsafe().length);
    }

    /** A tombstone: the key is deleted at {@code version}; the sweeper reclaims it after the grace. */
    public Map<String, AttributeValue> tombstone(int db, byte[] key, long version, long nowMillis) {
        Map<String, AttributeValue> item = new HashMap<>(8);
        item.put(PK, pk(db, key));
        item.put(VERSION, number(version));
        item.put(EXPIRE_AT, number(nowMillis));
        item.put(TTL, number(ttlSeconds(nowMillis)));
        return item;
    }

    /**
     * Decodes a whole item or stream image. Throws {@link IllegalArgumentException} if it is not a
     * goredis item (no binary {@code pk} of at least one byte, or no {@code ver}).
     */
    public StoredItem decode(Map<String, AttributeValue> image) {
        AttributeValue pk = image.get(PK);
        if (pk == null) {
            throw new IllegalArgumentException("not a goredis item: no " + PK + " attribute");
        }
        AttributeValue ver = image.get(VERSION);
        if (ver == null || ver.n() == null) {
            throw new IllegalArgumentException("not a goredis item: no numeric " + VERSION + " attribute");
        }
        byte[] raw = pkBytes(pk);
        byte[] key = new byte[raw.length - 1];
        System.arraycopy(raw, 1, key, 0, key.length);
        AttributeValue v = image.get(VALUE);
        AttributeValue exp = image.get(EXPIRE_AT);
        return new StoredItem(
                raw[0] & 0xff,
                key,
                Long.parseLong(ver.n()),
                v == null || v.b() == null ? null : value(image, v.b().asByteArrayUnsafe()),
                exp == null || exp.n() == null ? Entry.NO_EXPIRY : Long.parseLong(exp.n()));
    }

    private static Value value(Map<String, AttributeValue> image, byte[] bytes) {
        Type type = typeOf(image);
        AttributeValue form = image.get(FORM);
        if (type == Type.STRING && form != null && form.n() != null) {
            return StringValue.of(bytes, Integer.parseInt(form.n()));
        }
        return ValueCodec.decode(type, bytes);
    }

    private static Type typeOf(Map<String, AttributeValue> image) {
        AttributeValue layout = image.get(LAYOUT);
        if (layout != null && (layout.n() == null || Integer.parseInt(layout.n()) != LAYOUT_INLINE)) {
            throw new IllegalArgumentException("item layout " + layout + " is not one this goredis reads");
        }
        AttributeValue t = image.get(TYPE);
        return t == null ? Type.STRING : Type.ofCode(Integer.parseInt(t.n()));
    }

    /** The version in an item or image, or -1 when it has none (the key never existed). */
    public long versionOf(Map<String, AttributeValue> item) {
        if (item == null) {
            return -1;
        }
        AttributeValue ver = item.get(VERSION);
        return ver == null || ver.n() == null ? -1 : Long.parseLong(ver.n());
    }

    /** Refuses a key the partition key cannot hold, before anything is written. */
    public void checkKey(byte[] key) {
        if (key.length > MAX_KEY_BYTES) {
            throw new StoreException("ERR key too large for the DynamoDB store (max " + MAX_KEY_BYTES
                    + " bytes, was " + key.length + ")");
        }
    }

    /** Refuses a key or encoded value that would make an item over DynamoDB's 400 KB limit. */
    public void checkPut(byte[] key, byte[] value) {
        checkKey(key);
        if (FIXED_OVERHEAD + 1L + key.length + value.length > MAX_ITEM_BYTES) {
            throw new StoreException("ERR value too large for the DynamoDB store (max 400 KB item)");
        }
    }

    long ttlSeconds(long atMillis) {
        return Math.floorDiv(atMillis, 1000L) + 1 + ttlGraceSeconds;
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private static byte[] pkBytes(AttributeValue pk) {
        if (pk.b() == null || pk.b().asByteArrayUnsafe().length == 0) {
            throw new IllegalArgumentException("not a goredis item: " + PK + " is not a non-empty binary");
        }
        return pk.b().asByteArrayUnsafe();
    }
}
