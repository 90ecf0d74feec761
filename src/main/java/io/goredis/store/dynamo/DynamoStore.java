package io.goredis.store.dynamo;

import io.goredis.store.Entry;
import io.goredis.store.Isolation;
import io.goredis.store.KeyRef;
import io.goredis.store.KeyspaceStats;
import io.goredis.store.MetaStore;
import io.goredis.store.MultiUpdater;
import io.goredis.store.Observed;
import io.goredis.store.ScanPage;
import io.goredis.store.Stamp;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import io.goredis.store.TxOp;
import io.goredis.store.Updater;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link Store} whose keys live in one DynamoDB table that any number of goredis nodes share.
 * Item layout: {@link ItemCodec}. Table creation and validation: {@link TableSetup}.
 *
 * <h2>How each operation maps to DynamoDB</h2>
 * <ul>
 *   <li>{@link #get}: GetItem, strongly consistent. {@link #getAll}: BatchGetItem, consistent
 *       ({@link KeyReads}).</li>
 *   <li>{@link #put}: one PutItem conditioned on {@code attribute_not_exists(pk) OR ver < :v}; if a
 *       newer version is already there (another node, or a clock behind), retried above it.</li>
 *   <li>{@link #delete}: one PutItem of a tombstone conditioned on the key being live.</li>
 *   <li>{@link #update}: consistent GetItem, the pure updater, then a PutItem conditioned on the
 *       version read ({@code attribute_not_exists(pk)} if none). On ConditionalCheckFailed the
 *       failure hands back the current item (ReturnValuesOnConditionCheckFailure ALL_OLD) and the
 *       updater runs again on it, bounded by {@link Backoff} with jitter. This node's updates of
 *       one key queue on a local lock ({@link KeyLocks}) so only nodes race each other. Put,
 *       delete and update: {@link KeyWrites}.</li>
 *   <li>{@link #updateAll}, {@link #commit}: {@link DynamoTransactions}: TransactWriteItems with a
 *       version condition on every key (ConditionCheck for keys it only read); at most 100 keys
 *       (DynamoDB's limit), more is refused before anything is written.</li>
 *   <li>{@link #observe}: GetItem, strongly consistent, with the item's version as the stamp.</li>
 *   <li>{@link #scan}, {@link #randomKey}, {@link #stats}, {@link #flush}, {@link #flushAll}:
 *       paginated Scan of the whole table ({@link TableScanner}); they cost a read of every item.
 *       The flushes tombstone what the scan found ({@link FlushWrites}).</li>
 *   <li>{@link #swap}: refused: DynamoDB cannot rename the partition keys of a whole database atomically.</li>
 * </ul>
 *
 * <h2>Versions</h2>
 * A hybrid logical clock ({@link VersionClock}): a write's version is {@code max(now in
 * microseconds, version read + 1, last version this node issued + 1)}, and the write is conditioned so that it only lands above
 * the version already stored. A delete leaves a tombstone carrying its version, so a re-created key
 * continues above it; once the TTL sweeper has removed a tombstone (after {@link ItemCodec}'s grace
 * period) versions continue from the clock, which is past the deleted version unless clocks are
 * skewed by more than the grace.
 *
 * <h2>Failures</h2>
 * SDK failures become {@link StoreException} {@code ERR DynamoDB <op> failed: <cause>} within the
 * client's call timeout (see {@link DynamoClients}); nothing is cached, so the next call works as
 * soon as DynamoDB does.
 *
 * <p>This class builds the parts, all sharing one {@link VersionClock} and one {@link KeyLocks},
 * and delegates to them; it holds the condition expressions they share.
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

    private final String table;
    private final Clock clock;
    private final ItemCodec codec;
    private final AutoCloseable owned;
    /** This node's local writers of a key queue here: single-key updates and updateAll alike. */
    private final KeyLocks locks = new KeyLocks(1024);
    private final KeyReads keyReads;
    private final KeyWrites keyWrites;
    private final TableScanner scanner;
    private final DynamoTransactions transactions;
    private final DynamoMeta meta;
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
        this.table = table;
        this.clock = clock;
        this.codec = codec;
        this.owned = owned;
        // For transactions of up to 100 items: an attempt may use the whole call timeout.
        AwsRequestOverrideConfiguration bigCall = AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(callTimeout).apiCallAttemptTimeout(callTimeout).build();
        VersionClock versions = new VersionClock(clock);
        this.keyReads = new KeyReads(reads, table, clock, codec, backoff);
        this.keyWrites = new KeyWrites(writes, table, clock, codec, backoff, versions, locks, keyReads);
        this.transactions = new DynamoTransactions(versions, reads, writes, table, codec, clock, backoff, bigCall);
        this.scanner = new TableScanner(reads, table, codec, clock,
                new ScanCursors(clock, Duration.ofMinutes(10), 10_000),
                new FlushWrites(writes, table, clock, codec, versions, bigCall));
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

    // ---------------------------------------------------------------- single keys: KeyReads, KeyWrites

    @Override
    public Optional<Entry> get(int db, byte[] key) {
        return keyReads.get(db, key);
    }

    @Override
    public List<Optional<Entry>> getAll(int db, List<byte[]> keys) {
        return keyReads.getAll(db, keys);
    }

    @Override
    public long put(int db, byte[] key, byte[] value, long expireAtMillis) {
        return keyWrites.put(db, key, value, expireAtMillis);
    }

    @Override
    public boolean delete(int db, byte[] key) {
        return keyWrites.delete(db, key);
    }

    @Override
    public <R> R update(int db, byte[] key, Updater<R> updater) {
        return keyWrites.update(db, key, updater);
    }

    // ---------------------------------------------------------------- multi-key transactions: DynamoTransactions

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
        Map<String, AttributeValue> item = keyReads.readItem(db, key);
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

    // ---------------------------------------------------------------- keyspace-wide: TableScanner

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
