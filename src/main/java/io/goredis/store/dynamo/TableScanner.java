package io.goredis.store.dynamo;

import io.goredis.store.KeyspaceStats;
import io.goredis.store.ScanPage;
import io.goredis.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The keyspace-wide operations of {@link DynamoStore}, all built on paginated, strongly consistent
 * Scan of the whole table (every database shares it): SCAN/KEYS pages, RANDOMKEY, DBSIZE/INFO
 * counts and FLUSHDB/FLUSHALL.
 *
 * <p>Cost: a Scan reads (and is billed for) every item it passes, including other databases' keys,
 * tombstones and expired items: DBSIZE, FLUSHDB and a full SCAN are O(table size) in time and read
 * capacity; a filter expression only trims what travels back. RANDOMKEY starts at a random point of
 * the table and reads until it finds a live key of the database.
 */
final class TableScanner {

    /** Items holding a value (not tombstones), expired or not. */
    private static final String VALUED = "attribute_exists(#v)";
    /** Live keys of every database: value present, not expired at :now. */
    private static final String LIVE = VALUED + " AND (attribute_not_exists(#exp) OR #exp >= :now)";
    /** Narrows a filter to the database whose byte starts pk. */
    private static final String IN_DB = "begins_with(#pk, :db) AND ";
    private static final String VALUED_IN_DB = IN_DB + VALUED;
    private static final String LIVE_IN_DB = IN_DB + LIVE;
    private static final int MAX_PAGES_PER_CALL = 16;
    private static final int RANDOM_KEY_PAGE = 100;
    private static final int FLUSH_PARALLELISM = 4;
    /** Tombstones per TransactWriteItems (DynamoDB's limit is 100 items; smaller batches conflict less). */
    private static final int FLUSH_BATCH = 50;

    private final DynamoDbClient client;
    private final String table;
    private final ItemCodec codec;
    private final Clock clock;
    private final ScanCursors cursors;
    private final FlushWrites flushWrites;

    TableScanner(DynamoDbClient client, String table, ItemCodec codec, Clock clock, ScanCursors cursors,
                 FlushWrites flushWrites) {
        this.client = client;
        this.table = table;
        this.codec = codec;
        this.clock = clock;
        this.cursors = cursors;
        this.flushWrites = flushWrites;
    }

    int openCursors() {
        return cursors.size();
    }

    /** One SCAN page: at least {@code count} keys unless the table ends first (a few Scan calls at most). */
    ScanPage scan(int db, long cursor, int count, long nowMillis) {
        Map<String, AttributeValue> start = null;
        if (cursor != 0) {
            start = cursors.resume(cursor);
            if (start == null) {
                throw new StoreException("ERR invalid cursor");
            }
        }
        int limit = Math.max(10, Math.min(count, 10_000));
        List<byte[]> keys = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES_PER_CALL && keys.size() < count; page++) {
            ScanResponse r = scanPage(liveRequest(db, nowMillis).limit(limit).exclusiveStartKey(start)
                    .projectionExpression("#pk"));
            for (Map<String, AttributeValue> item : r.items()) {
                keys.add(codec.keyOf(item.get(ItemCodec.PK)));
            }
            start = lastKey(r);
            if (start == null) {
                break;
            }
        }
        return new ScanPage(start == null ? 0 : cursors.remember(start), keys);
    }

    /** Starts at a random point of the table's order and returns the first live key of {@code db}. */
    Optional<byte[]> randomKey(int db, long nowMillis) {
        byte[] probe = new byte[16];
        ThreadLocalRandom.current().nextBytes(probe);
        Map<String, AttributeValue> start = codec.keyOf(db, probe);
        // From the random point to the end, then from the beginning (which may revisit some items).
        for (int pass = 0; pass < 2; pass++) {
            do {
                ScanResponse r = scanPage(liveRequest(db, nowMillis).limit(RANDOM_KEY_PAGE)
                        .exclusiveStartKey(start).projectionExpression("#pk"));
                if (!r.items().isEmpty()) {
                    List<Map<String, AttributeValue>> items = r.items();
                    return Optional.of(codec.keyOf(items.get(ThreadLocalRandom.current().nextInt(items.size()))
                            .get(ItemCodec.PK)));
                }
                start = lastKey(r);
            } while (start != null);
        }
        return Optional.empty();
    }

    KeyspaceStats stats(int db, long nowMillis) {
        return countLive(liveRequest(db, nowMillis).projectionExpression("#exp"), 1, item -> 0).get(0);
    }

    /** {@link #stats} of databases {@code 0 .. databases-1} from one Scan of the table. */
    List<KeyspaceStats> statsAll(int databases, long nowMillis) {
        return countLive(liveRequest(-1, nowMillis).projectionExpression("#pk, #exp"), databases,
                item -> codec.dbOf(item.get(ItemCodec.PK)));
    }

    /** Live keys and keys with an expiry that {@code request} returns, by {@code dbOf} (others ignored). */
    private List<KeyspaceStats> countLive(ScanRequest.Builder request, int databases,
                                          ToIntFunction<Map<String, AttributeValue>> dbOf) {
        long[] keys = new long[databases];
        long[] expires = new long[databases];
        forEachPage(request, items -> {
            for (Map<String, AttributeValue> item : items) {
                int db = dbOf.applyAsInt(item);
                if (db < databases) {
                    keys[db]++;
                    if (item.containsKey(ItemCodec.EXPIRE_AT)) {
                        expires[db]++;
                    }
                }
            }
        });
        List<KeyspaceStats> all = new ArrayList<>(databases);
        for (int db = 0; db < databases; db++) {
            all.add(new KeyspaceStats(keys[db], expires[db]));
        }
        return all;
    }

    /**
     * Tombstones every item holding a value in {@code db} (every db if negative), expired ones
     * included, each write conditioned on the version the scan saw, 50 per transaction and 4
     * transactions at a time ({@link FlushWrites}). Not atomic: a key written concurrently may
     * survive (its write counts as after the flush).
     */
    void flush(int db) {
        Map<String, String> names = new HashMap<>(Map.of("#v", ItemCodec.VALUE, "#pk", ItemCodec.PK,
                "#ver", ItemCodec.VERSION));
        ScanRequest.Builder request = ScanRequest.builder().tableName(table).consistentRead(true)
                .projectionExpression("#pk, #ver");
        if (db < 0) {
            // every database, not the server's own data (DynamoMeta) under the last pk byte
            names.remove("#ver");
            names.put("#ver", ItemCodec.VERSION);
            request.filterExpression("#pk < :meta AND " + VALUED).expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":meta", codec.pk(DynamoMeta.META_DB, new byte[0])));
        } else {
            request.filterExpression(VALUED_IN_DB).expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":db", codec.pk(db, new byte[0])));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(FLUSH_PARALLELISM,
                Thread.ofVirtual().name("goredis-flush-", 0).factory())) {
            forEachPage(request, items -> {
                List<Future<?>> done = new ArrayList<>();
                for (int from = 0; from < items.size(); from += FLUSH_BATCH) {
                    List<AttributeValue> pks = new ArrayList<>();
                    List<Long> versions = new ArrayList<>();
                    for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + FLUSH_BATCH))) {
                        pks.add(item.get(ItemCodec.PK));
                        versions.add(Long.parseLong(item.get(ItemCodec.VERSION).n()));
                    }
                    done.add(pool.submit(() -> flushWrites.tombstoneAllIfUnchanged(pks, versions)));
                }
                for (Future<?> f : done) {
                    await(f);
                }
            });
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("ERR interrupted while flushing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("ERR DynamoDB flush failed: " + e.getCause(), e.getCause());
        }
    }

    /** Every live key of {@code db} starting with {@code prefix}, read with one full Scan (DynamoMeta.names). */
    List<byte[]> liveKeys(int db, byte[] prefix) {
        List<byte[]> out = new ArrayList<>();
        long now = clock.millis();
        ScanRequest.Builder request = ScanRequest.builder().tableName(table).consistentRead(true)
                .projectionExpression("#pk")
                .filterExpression(IN_DB + LIVE)
                .expressionAttributeNames(Map.of("#pk", ItemCodec.PK, "#v", ItemCodec.VALUE, "#exp", ItemCodec.EXPIRE_AT))
                .expressionAttributeValues(Map.of(":db", codec.pk(db, prefix),
                        ":now", AttributeValue.fromN(Long.toString(now))));
        forEachPage(request, items -> {
            for (Map<String, AttributeValue> item : items) {
                out.add(codec.keyOf(item.get(ItemCodec.PK)));
            }
        });
        return out;
    }

    /** Live keys of {@code db}, or of every database if {@code db} is negative. */
    private ScanRequest.Builder liveRequest(int db, long nowMillis) {
        ScanRequest.Builder request = ScanRequest.builder().tableName(table).consistentRead(true)
                .expressionAttributeNames(Map.of("#pk", ItemCodec.PK, "#v", ItemCodec.VALUE,
                        "#exp", ItemCodec.EXPIRE_AT));
        if (db < 0) {
            return request.filterExpression(LIVE)
                    .expressionAttributeValues(Map.of(":now", DynamoStore.number(nowMillis)));
        }
        return request.filterExpression(LIVE_IN_DB)
                .expressionAttributeValues(Map.of(":db", codec.pk(db, new byte[0]),
                        ":now", DynamoStore.number(nowMillis)));
    }

    private void forEachPage(ScanRequest.Builder request, Consumer<List<Map<String, AttributeValue>>> action) {
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse r = scanPage(request.exclusiveStartKey(start));
            action.accept(r.items());
            start = lastKey(r);
        } while (start != null);
    }

    private ScanResponse scanPage(ScanRequest.Builder request) {
        try {
            return client.scan(request.build());
        } catch (SdkException e) {
            throw DynamoErrors.map("scan", e);
        }
    }

    private static Map<String, AttributeValue> lastKey(ScanResponse r) {
        return r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    }
}
