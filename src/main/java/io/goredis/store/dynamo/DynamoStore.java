package io.goredis.store.dynamo;

import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.Isolation;
import io.goredis.store.KeyRef;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.MetaStore;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Mutation;
import io.goredis.store.Observed;
import io.goredis.store.ScanPage;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import io.goredis.store.TxOp;
import io.goredis.store.Updater;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * A {@link Store} whose keys live in one DynamoDB table that any number of goredis nodes share.
 * Item layout: {@link ItemCodec}. Table creation and validation: {@link TableSetup}.
 *
 * <h2>How each operation maps to DynamoDB</h2>
 * <ul>
 *   <li>{@link #get}: GetItem, strongly consistent. {@link #getAll}: BatchGetItem, consistent.</li>
 *   <li>{@link #put}: one PutItem conditioned on {@code attribute_not_exists(pk) OR ver < :v}; if a
 *       newer version is already there (another node, or a clock behind), retried above it.</li>
 *   <li>{@link #delete}: one PutItem of a tombstone conditioned on the key being live.</li>
 *   <li>{@link #update}: consistent GetItem, the pure updater, then a PutItem conditioned on the
 *       version read ({@code attribute_not_exists(pk)} if none). On ConditionalCheckFailed the
 *       failure hands back the current item (ReturnValuesOnConditionCheckFailure ALL_OLD) and the
 *       updater runs again on it, bounded by {@link Backoff} with jitter. This node's updates of
 *       one key queue on a local lock ({@link KeyLocks}) so only nodes race each other.</li>
 *   <li>{@link #updateAll}, {@link #commit}: {@link DynamoTransactions}: TransactWriteItems with a
 *       version condition on every key (ConditionCheck for keys it only read); at most 100 keys
 *       (DynamoDB's limit), more is refused before anything is written.</li>
 *   <li>{@link #observe}: GetItem, strongly consistent, with the item's version as the stamp.</li>
 *   <li>{@link #scan}, {@link #randomKey}, {@link #stats}, {@link #flush}, {@link #flushAll}:
 *       paginated Scan of the whole table ({@link TableScanner}); they cost a read of every item.</li>
 *   <li>{@link #swap}: refused: DynamoDB cannot rename the partition keys of a whole database atomically.</li>
 * </ul>
 *
 * <h2>Versions</h2>
 * A hybrid logical clock: a write's version is {@code max(now in microseconds, version read + 1,
 * last version this node issued + 1)}, and the write is conditioned so that it only lands above
 * the version already stored. A delete leaves a tombstone carrying its version, so a re-created key
 * continues above it; once the TTL sweeper has removed a tombstone (after {@link ItemCodec}'s grace
 * period) versions continue from the clock, which is past the deleted version unless clocks are
 * skewed by more than the grace.
 *
 * <h2>Failures</h2>
 * SDK failures become {@link StoreException} {@code ERR DynamoDB <op> failed: <cause>} within the
 * client's call timeout (see {@link DynamoClients}); nothing is cached, so the next call works as
 * soon as DynamoDB does.
 */
public final class DynamoStore implements Store {

    private static final Logger log = LoggerFactory.getLogger(DynamoStore.class);

    /** DynamoDB's limit on items in one transaction. */
    public static final int MAX_TRANSACTION_ITEMS = 100;
    /** DynamoDB's limit on the aggregate size of one transaction. */
    public static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

    static final Map<String, String> NAMES_PK_VER = Map.of("#pk", ItemCodec.PK, "#ver", ItemCodec.VERSION);
    static final Map<String, String> NAMES_VER = Map.of("#ver", ItemCodec.VERSION);
    static final Map<String, String> NAMES_PK = Map.of("#pk", ItemCodec.PK);
    static final Map<String, String> NAMES_LIVE = Map.of(
            "#v", ItemCodec.VALUE, "#exp", ItemCodec.EXPIRE_AT, "#ver", ItemCodec.VERSION);

    static final String IF_NEWER = "attribute_not_exists(#pk) OR #ver < :ver";
    static final String IF_VERSION = "#ver = :old";
    static final String IF_ABSENT = "attribute_not_exists(#pk)";
    static final String IF_LIVE_AND_NEWER =
            "attribute_exists(#v) AND (attribute_not_exists(#exp) OR #exp >= :now) AND #ver < :ver";

    private final DynamoDbClient reads;
    private final DynamoDbClient writes;
    private final String table;
    private final Clock clock;
    private final ItemCodec codec;
    private final Backoff backoff;
    private final AutoCloseable owned;
    private final AtomicLong lastVersion = new AtomicLong();
    private final KeyLocks locks = new KeyLocks(1024);
    private final TableScanner scanner;
    private final DynamoTransactions transactions;
    private final DynamoMeta meta;
    /** For transactions of up to 100 items: an attempt may use the whole call timeout. */
    private final AwsRequestOverrideConfiguration bigCall;
    private volatile boolean closed;

    /**
     * A store on an existing table using {@code client} for everything; the caller keeps ownership
     * of the client. Used by tests and by stores layered on this one.
     */
    public DynamoStore(DynamoDbClient client, String table, Clock clock) {
        this(client, client, table, clock, new ItemCodec(), Backoff.DEFAULT, null, DynamoSettings.DEFAULT_API_CALL_TIMEOUT);
    }

    DynamoStore(DynamoDbClient reads, DynamoDbClient writes, String table, Clock clock,
                ItemCodec codec, Backoff backoff, AutoCloseable owned, Duration callTimeout) {
        this.reads = reads;
        this.writes = writes;
        this.table = table;
        this.clock = clock;
        this.codec = codec;
        this.backoff = backoff;
        this.owned = owned;
        this.bigCall = AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(callTimeout).apiCallAttemptTimeout(callTimeout).build();
        this.transactions = new DynamoTransactions(this, reads, writes, table, codec, clock, backoff, bigCall);
        this.scanner = new TableScanner(this, reads, table, codec,
                new ScanCursors(clock, Duration.ofMinutes(10), 10_000));
        this.meta = new DynamoMeta(this, scanner);
    }

    /**
     * Builds the clients from {@code settings} (see {@link DynamoClients}), makes sure the table is
     * there ({@link TableSetup}; creating it if {@link DynamoSettings#createTable()}) and returns a
     * store that closes the clients when closed. Throws {@link TableSetup.TableSetupException} with
     * a one-line message if the table is missing or wrongly shaped.
     */
    public static DynamoStore open(DynamoSettings settings, Clock clock) {
        SdkHttpClient http = DynamoClients.httpClient(settings);
        DynamoDbClient reads = DynamoClients.dynamoDb(settings, http);
        DynamoDbClient writes = DynamoClients.dynamoDbWrites(settings, http);
        AutoCloseable owned = () -> {
            writes.close();
            reads.close();
            http.close();
        };
        try {
            new TableSetup(reads, settings.table(), clock, Duration.ofMinutes(2)).ensure(settings.createTable());
        } catch (RuntimeException e) {
            closeQuietly(owned);
            throw e;
        }
        return new DynamoStore(reads, writes, settings.table(), clock,
                new ItemCodec(settings.ttlGrace()), Backoff.DEFAULT, owned, settings.apiCallTimeout());
    }

    public String table() {
        return table;
    }

    public ItemCodec codec() {
        return codec;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Entry> get(int db, byte[] key) {
        if (key.length > ItemCodec.MAX_KEY_BYTES) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = readItem(db, key);
        return item == null ? Optional.empty() : codec.decode(item).entryAt(clock.millis());
    }

    @Override
    public List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
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
        for (int from = 0; from < pending.size(); from += MAX_TRANSACTION_ITEMS) {
            batchGet(pending.subList(from, Math.min(pending.size(), from + MAX_TRANSACTION_ITEMS)), found);
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

    // ---------------------------------------------------------------- single-key writes

    @Override
    public long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        codec.checkPut(key, value);
        long version = nextVersion(-1);
        for (int attempt = 1; ; attempt++) {
            try {
                writes.putItem(PutItemRequest.builder()
                        .tableName(table)
                        .item(codec.encode(db, key, value, expireAtMillis, version))
                        .conditionExpression(IF_NEWER)
                        .expressionAttributeNames(NAMES_PK_VER)
                        .expressionAttributeValues(Map.of(":ver", number(version)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build());
                return version;
            } catch (ConditionalCheckFailedException e) {
                // A version at or above ours is stored (another node's clock is ahead): go above it.
                version = nextVersion(codec.versionOf(oldItem(e)));
            } catch (TransactionConflictException e) {
                backoff.pause(attempt + 2);
            } catch (SdkException e) {
                throw DynamoErrors.map("write", e);
            }
            if (attempt >= backoff.maxAttempts()) {
                throw backoff.exhausted();
            }
        }
    }

    @Override
    public boolean delete(int db, byte[] key) {
        if (key.length > ItemCodec.MAX_KEY_BYTES) {
            return false;
        }
        long version = nextVersion(-1);
        for (int attempt = 1; ; attempt++) {
            long now = clock.millis();
            try {
                writes.putItem(PutItemRequest.builder()
                        .tableName(table)
                        .item(codec.tombstone(db, key, version, now))
                        .conditionExpression(IF_LIVE_AND_NEWER)
                        .expressionAttributeNames(NAMES_LIVE)
                        .expressionAttributeValues(Map.of(":ver", number(version), ":now", number(now)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build());
                return true;
            } catch (ConditionalCheckFailedException e) {
                Map<String, AttributeValue> old = oldItem(e);
                if (old == null || codec.decode(old).entryAt(now).isEmpty()) {
                    return false;
                }
                version = nextVersion(codec.versionOf(old));
            } catch (TransactionConflictException e) {
                backoff.pause(attempt + 2);
            } catch (SdkException e) {
                throw DynamoErrors.map("write", e);
            }
            if (attempt >= backoff.maxAttempts()) {
                throw backoff.exhausted();
            }
        }
    }

    @Override
    public <R> R update(int db, byte[] key, Updater<R> updater) {
        codec.checkKey(key);
        try (KeyLocks.Stripe stripe = locks.lock(db, key)) {
            return updateLocked(db, key, updater, stripe);
        }
    }

    private <R> R updateLocked(int db, byte[] key, Updater<R> updater, KeyLocks.Stripe stripe) {
        ByteBuffer pk = codec.pk(db, key).b().asByteBuffer();
        Map<String, AttributeValue> item = stripe.takeHint(pk);
        // A hint from the previous local writer is checked by the conditional write; a decision
        // that writes nothing (or an updater error) is only trusted after a real read.
        boolean trusted = item == null;
        if (trusted) {
            item = readItem(db, key);
        }
        for (int attempt = 1; ; attempt++) {
            long now = clock.millis();
            StoredItem current = item == null ? null : codec.decode(item);
            Optional<Entry> live = current == null ? Optional.empty() : current.entryAt(now);
            Decision<R> decision;
            try {
                decision = updater.apply(live);
            } catch (RuntimeException e) {
                if (trusted) {
                    throw e;
                }
                decision = null;
            }
            Map<String, AttributeValue> newItem = decision == null ? null : newItem(db, key, decision, current, live, now);
            if (newItem == null) {
                if (!trusted) {
                    item = readItem(db, key);
                    trusted = true;
                    continue;
                }
                return decision.result();
            }
            try {
                writes.putItem(conditionalPut(newItem, current).build());
                stripe.handOver(pk, newItem);
                return decision.result();
            } catch (ConditionalCheckFailedException e) {
                item = oldItem(e);
                trusted = true;
            } catch (TransactionConflictException e) {
                backoff.pause(attempt + 2);
                item = readItem(db, key);
                trusted = true;
            } catch (SdkException e) {
                throw DynamoErrors.map("write", e);
            }
            if (attempt >= backoff.maxAttempts()) {
                throw backoff.exhausted();
            }
            backoff.pause(attempt + 1);
        }
    }

    /** The item {@code decision} writes, or null when it writes nothing (keep, or delete of an absent key). */
    private Map<String, AttributeValue> newItem(int db, byte[] key, Decision<?> decision, StoredItem current,
                                                Optional<Entry> live, long now) {
        return switch (decision.mutation()) {
            case Mutation.Keep k -> null;
            case Mutation.Delete d -> live.isEmpty() ? null
                    : codec.tombstone(db, key, nextVersion(current.version()), now);
            case Mutation.Put p -> {
                yield codec.encode(db, key, p.value(), p.expireAtMillis(),
                        nextVersion(current == null ? -1 : current.version()));
            }
        };
    }

    /** A PutItem of {@code newItem} that lands only if the stored version is still {@code current}'s. */
    private PutItemRequest.Builder conditionalPut(Map<String, AttributeValue> newItem, StoredItem current) {
        PutItemRequest.Builder b = PutItemRequest.builder()
                .tableName(table)
                .item(newItem)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (current == null) {
            return b.conditionExpression(IF_ABSENT).expressionAttributeNames(NAMES_PK);
        }
        return b.conditionExpression(IF_VERSION)
                .expressionAttributeNames(NAMES_VER)
                .expressionAttributeValues(Map.of(":old", number(current.version())));
    }

    // ---------------------------------------------------------------- multi-key transactions

    @Override
    public <R> R updateAll(List<KeyRef> keys, MultiUpdater<R> updater) {
        transactions.checkLimits(keys);
        if (keys.isEmpty()) {
            return updater.apply(List.of()).result();
        }
        try (KeyLocks.Held held = locks.lock(keys)) {
            return transactions.updateAll(keys, updater);
        }
    }

    /** OPTIMISTIC: the table is shared by the fleet; {@link #commit} checks what a transaction saw. */
    @Override
    public Isolation isolation() {
        return Isolation.OPTIMISTIC;
    }

    /** One strongly consistent GetItem; the stamp is the stored item's version (tombstones included). */
    @Override
    public Observed observe(int db, byte[] key, boolean fresh) {
        if (key.length > ItemCodec.MAX_KEY_BYTES) {
            return new Observed(Optional.empty(), Stamp.absent(Stamp.NO_ITEM));
        }
        Map<String, AttributeValue> item = readItem(db, key);
        long now = clock.millis();
        Stamp stamp = transactions.stamp(item, now);
        return new Observed(stamp.live() ? codec.decode(item).entryAt(now) : Optional.empty(), stamp);
    }

    /** One TransactGetItems: a serializable snapshot of every key. */
    @Override
    public List<Observed> observeAll(List<KeyRef> keys) {
        transactions.checkLimits(keys);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> items = transactions.readSnapshot(keys);
        long now = clock.millis();
        List<Observed> out = new ArrayList<>(keys.size());
        for (Map<String, AttributeValue> item : items) {
            Stamp stamp = transactions.stamp(item, now);
            out.add(new Observed(stamp.live() ? codec.decode(item).entryAt(now) : Optional.empty(), stamp));
        }
        return out;
    }

    /** See {@link DynamoTransactions#commit}: one TransactWriteItems, or one TransactGetItems when read-only. */
    @Override
    public long[] commit(List<TxOp> ops) {
        return transactions.commit(ops);
    }

    @Override
    public int maxTransactionKeys() {
        return MAX_TRANSACTION_ITEMS;
    }

    @Override
    public MetaStore meta() {
        return meta;
    }

    // ---------------------------------------------------------------- keyspace-wide

    @Override
    public ScanPage scan(int db, long cursor, int count) {
        return scanner.scan(db, cursor, count, clock.millis());
    }

    @Override
    public Optional<byte[]> randomKey(int db) {
        return scanner.randomKey(db, clock.millis());
    }

    @Override
    public KeyspaceStats stats(int db) {
        return scanner.stats(db, clock.millis());
    }

    /** One Scan of the table for all databases, instead of one per database. */
    @Override
    public List<KeyspaceStats> statsAll() {
        return scanner.statsAll(databases(), clock.millis());
    }

    @Override
    public void flush(int db) {
        scanner.flush(db);
    }

    @Override
    public void flushAll() {
        scanner.flush(-1);
    }

    /**
     * Refused: a database is a key prefix inside one table, and DynamoDB cannot rewrite the partition
     * keys of two whole databases atomically (a transaction holds at most 100 items).
     */
    @Override
    public void swap(int db1, int db2) {
        throw new StoreException("ERR SWAPDB is not supported by the DynamoDB store");
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
                    .item(codec.tombstone(codec.dbOf(pk), codec.keyOf(pk), nextVersion(version), clock.millis()))
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
                    .item(codec.tombstone(codec.dbOf(pk), codec.keyOf(pk), nextVersion(versions.get(i)), now))
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

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public String info() {
        return "# DynamoDB\r\ntable:" + table + "\r\nscan_cursors:" + scanner.openCursors() + "\r\n";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owned != null) {
            closeQuietly(owned);
        }
    }

    // ---------------------------------------------------------------- helpers

    long clockMillis() {
        return clock.millis();
    }

    /** The next version: above the clock, above {@code floor}, above anything this node issued. */
    long nextVersion(long floor) {
        Instant now = clock.instant();
        long micros = Math.multiplyExact(now.getEpochSecond(), 1_000_000L) + now.getNano() / 1_000;
        long candidate = Math.max(micros, floor + 1);
        return lastVersion.accumulateAndGet(candidate, (last, c) -> Math.max(last + 1, c));
    }

    private static Map<String, AttributeValue> oldItem(ConditionalCheckFailedException e) {
        return e.hasItem() && !e.item().isEmpty() ? e.item() : null;
    }

    static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing DynamoDB clients: {}", e.toString());
        }
    }
}
