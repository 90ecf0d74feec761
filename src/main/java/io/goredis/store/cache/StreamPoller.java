package io.goredis.store.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams {@link ChangeSource}: one named platform thread per node that follows every
 * shard of the table's stream and hands each record, decoded, to the cache.
 *
 * <ul>
 *   <li>At start (and after a loss of continuity) it lists all shards (paginated DescribeStream)
 *       and opens every open shard at LATEST: the cache starts empty, so history is not needed.
 *       Only once every iterator is held does it report {@link ChangeListener#onContinuous()};
 *       before that the cache installs nothing, which closes the window between LATEST and the
 *       first fill.</li>
 *   <li>Shards found later (children of a closed or split shard) are read from TRIM_HORIZON, and
 *       only once their parent has been read to its end: parents before children, so per-key order
 *       holds across a rollover. A shard whose next iterator is null is closed; that triggers a
 *       new DescribeStream at once.</li>
 *   <li>An expired iterator (15 minutes unused) is re-obtained AFTER_SEQUENCE_NUMBER the last
 *       record read. Throttling and LimitExceeded back off exponentially, keeping positions.</li>
 *   <li>Continuity lost — TrimmedDataAccess (records gone before we read them), the stream disabled
 *       or replaced, a shard gone before it was read to its end, an undecodable record, or the
 *       follower more than {@code maxLag} behind — makes the cache drop everything and cache
 *       nothing until the poller has started again from LATEST.</li>
 * </ul>
 *
 * <p>Why not the DynamoDB Streams Kinesis Adapter (KCL), which AWS recommends: the KCL spreads shards
 * over workers with leases and checkpoints in an extra DynamoDB table, so that each record is
 * processed by one worker once. A cache needs the opposite: every node reads every shard, and no
 * checkpoint survives a restart (the cache starts empty). The adapter would also bring KCL 1.x and
 * the v1 SDK. The loop below is the few hundred lines of the KCL we need.
 */
public final class StreamPoller implements ChangeSource {

    private static final Logger log = LoggerFactory.getLogger(StreamPoller.class);

    /** GetRecords page size (the API's maximum). */
    static final int RECORDS_LIMIT = 1000;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final Duration DISCOVERY_INTERVAL = Duration.ofSeconds(10);
    static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(30);

    /** Waits between polls; returns early when the poller is closed. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Thrown inside one step when continuity is lost; caught by {@link #step()}. */
    private static final class ContinuityLost extends RuntimeException {
        ContinuityLost(String message) {
            super(message, null, false, false);
        }
    }

    /** Where we are in one shard. */
    private static final class ShardReader {
        final String shardId;
        final boolean fromLatest;
        String iterator;
        String lastSequence;
        long caughtUpAt;

        ShardReader(String shardId, boolean fromLatest, String iterator, long now) {
            this.shardId = shardId;
            this.fromLatest = fromLatest;
            this.iterator = iterator;
            this.caughtUpAt = now;
        }
    }

    private final DynamoDbStreamsClient streams;
    private final StreamLocator locator;
    private final RecordDecoder decoder;
    private final Duration pollInterval;
    private final Duration maxLag;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Sleeper sleeper;
    private final AutoCloseable resources;

    // poller-thread state
    private ChangeListener listener;
    private String streamArn;
    private final Map<String, ShardReader> active = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private long nextDiscoveryAt;
    private boolean discoverNow;
    private Duration backoff = Duration.ZERO;

    // read by INFO from other threads
    private volatile int shardsFollowed;
    private volatile long caughtUpAt = -1;
    private final AtomicLong recordsRead = new AtomicLong();

    private volatile boolean closed;
    private Thread thread;

    /**
     * @param streams      the streams client; owned (closed by {@link #close()})
     * @param locator      finds the table's current stream
     * @param decoder      turns records into events
     * @param pollInterval wait between polls of a shard that returned nothing
     * @param maxLag       stop trusting the cache when the follower has not caught up for this long
     * @param resources    closed after the streams client (e.g. the locator's client); may be null
     */
    public StreamPoller(DynamoDbStreamsClient streams, StreamLocator locator, RecordDecoder decoder,
                        Duration pollInterval, Duration maxLag, Clock clock, AutoCloseable resources) {
        this(streams, locator, decoder, pollInterval, maxLag, clock, null, resources);
    }

    StreamPoller(DynamoDbStreamsClient streams, StreamLocator locator, RecordDecoder decoder,
                 Duration pollInterval, Duration maxLag, Clock clock, Sleeper sleeper, AutoCloseable resources) {
        if (pollInterval.isNegative() || maxLag.isNegative() || maxLag.isZero()) {
            throw new IllegalArgumentException("pollInterval must be >= 0 and maxLag > 0");
        }
        this.streams = streams;
        this.locator = locator;
        this.decoder = decoder;
        this.pollInterval = pollInterval;
        this.maxLag = maxLag;
        this.clock = clock;
        this.sleeper = sleeper != null ? sleeper : d -> stop.await(d.toNanos(), TimeUnit.NANOSECONDS);
        this.resources = resources;
    }

    /** Starts the poller thread. */
    @Override
    public void start(ChangeListener listener) {
        attach(listener);
        thread = Thread.ofPlatform().name("goredis-stream-poller").daemon(true).start(this::run);
    }

    /** Sets the listener without starting a thread; tests then drive {@link #step()}. */
    void attach(ChangeListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = listener;
    }

    private void run() {
        log.info("stream poller started (poll interval {} ms)", pollInterval.toMillis());
        while (!closed) {
            Duration wait = step();
            if (!wait.isZero() && !closed) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One round: (re)start if needed, discover shards when due, read every active shard once.
     * Returns how long to wait before the next round.
     */
    Duration step() {
        try {
            if (streamArn == null) {
                init();
            } else {
                if (discoverNow || clock.millis() >= nextDiscoveryAt) {
                    discover();
                }
                boolean gotRecords = false;
                for (ShardReader r : new ArrayList<>(active.values())) {
                    gotRecords |= poll(r);
                }
                if (discoverNow) {
                    discover();
                }
                updateLag();
                checkLag();
                backoff = Duration.ZERO;
                return gotRecords ? Duration.ZERO : pollInterval;
            }
            backoff = Duration.ZERO;
            return Duration.ZERO;
        } catch (ContinuityLost e) {
            lose(e.getMessage());
            return nextBackoff();
        } catch (TrimmedDataAccessException e) {
            lose("stream records trimmed before they were read: " + e.getMessage());
            return nextBackoff();
        } catch (ResourceNotFoundException e) {
            lose("stream or shard not found: " + e.getMessage());
            return nextBackoff();
        } catch (LimitExceededException e) {
            log.debug("stream poller throttled: {}", e.getMessage());
            return nextBackoff();
        } catch (AwsServiceException e) {
            if (!e.isThrottlingException()) {
                log.warn("stream poller: {}", e.getMessage());
            }
            checkLagQuietly();
            return nextBackoff();
        } catch (SdkException e) {
            if (!closed) {
                log.warn("stream poller: {}", e.getMessage());
            }
            checkLagQuietly();
            return nextBackoff();
        } catch (RuntimeException e) {
            log.error("stream poller failed", e);
            lose("follower failed: " + e);
            return nextBackoff();
        }
    }

    private void init() {
        Optional<String> arn = locator.streamArn();
        if (arn.isEmpty()) {
            throw new ContinuityLost("the table has no enabled stream");
        }
        List<Shard> shards = describe(arn.get());
        active.clear();
        finished.clear();
        long now = clock.millis();
        for (Shard s : shards) {
            if (isClosed(s)) {
                finished.add(s.shardId());
            } else {
                active.put(s.shardId(), new ShardReader(s.shardId(), true,
                        iterator(arn.get(), s.shardId(), ShardIteratorType.LATEST, null), now));
            }
        }
        streamArn = arn.get();
        nextDiscoveryAt = now + DISCOVERY_INTERVAL.toMillis();
        discoverNow = false;
        shardsFollowed = active.size();
        caughtUpAt = now;
        log.info("stream poller following {} ({} open shards, from LATEST)", streamArn, active.size());
        listener.onContinuous();
    }

    /** Picks up new shards (children after their parents) and notices shards that vanished. */
    private void discover() {
        List<Shard> shards = describe(streamArn);
        Map<String, Shard> listed = new HashMap<>();
        for (Shard s : shards) {
            listed.put(s.shardId(), s);
        }
        for (String id : active.keySet()) {
            if (!listed.containsKey(id)) {
                throw new ContinuityLost("shard " + id + " vanished before it was read to its end");
            }
        }
        finished.retainAll(listed.keySet());
        Set<String> fresh = new HashSet<>(listed.keySet());
        fresh.removeAll(active.keySet());
        fresh.removeAll(finished);
        long now = clock.millis();
        for (Shard s : shards) {
            if (!fresh.contains(s.shardId())) {
                continue;
            }
            String parent = s.parentShardId();
            if (parent != null && (active.containsKey(parent) || fresh.contains(parent))) {
                continue; // parent first: this child is picked up once the parent is finished
            }
            active.put(s.shardId(), new ShardReader(s.shardId(), false,
                    iterator(streamArn, s.shardId(), ShardIteratorType.TRIM_HORIZON, null), now));
            log.info("stream poller: following new shard {} (parent {})", s.shardId(), parent);
        }
        shardsFollowed = active.size();
        nextDiscoveryAt = now + DISCOVERY_INTERVAL.toMillis();
        discoverNow = false;
    }

    /** Reads one page of one shard; true if it returned records. */
    private boolean poll(ShardReader r) {
        long started = clock.millis();
        GetRecordsResponse resp;
        try {
            resp = streams.getRecords(GetRecordsRequest.builder().shardIterator(r.iterator).limit(RECORDS_LIMIT).build());
        } catch (ExpiredIteratorException e) {
            r.iterator = reopen(r);
            return true;
        }
        List<Record> records = resp.records();
        for (Record rec : records) {
            Optional<ChangeEvent> event;
            try {
                event = decoder.decode(rec);
            } catch (IllegalArgumentException e) {
                throw new ContinuityLost("undecodable stream record " + rec.dynamodb().sequenceNumber() + ": " + e.getMessage());
            }
            event.ifPresent(listener::onChange);
            r.lastSequence = rec.dynamodb().sequenceNumber();
        }
        recordsRead.addAndGet(records.size());
        if (records.size() < RECORDS_LIMIT) {
            r.caughtUpAt = started;
        }
        r.iterator = resp.nextShardIterator();
        if (r.iterator == null) {
            active.remove(r.shardId);
            finished.add(r.shardId);
            discoverNow = true;
            log.info("stream poller: shard {} closed and read to its end", r.shardId);
        }
        return !records.isEmpty();
    }

    /** A fresh iterator for a shard whose iterator expired, right after the last record read. */
    private String reopen(ShardReader r) {
        if (r.lastSequence != null) {
            log.info("stream poller: iterator of shard {} expired; resuming after {}", r.shardId, r.lastSequence);
            return iterator(streamArn, r.shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, r.lastSequence);
        }
        if (!r.fromLatest) {
            return iterator(streamArn, r.shardId, ShardIteratorType.TRIM_HORIZON, null);
        }
        throw new ContinuityLost("iterator of shard " + r.shardId + " expired before any record was read");
    }

    private String iterator(String arn, String shardId, ShardIteratorType type, String sequence) {
        GetShardIteratorRequest.Builder b = GetShardIteratorRequest.builder()
                .streamArn(arn).shardId(shardId).shardIteratorType(type);
        if (sequence != null) {
            b.sequenceNumber(sequence);
        }
        return streams.getShardIterator(b.build()).shardIterator();
    }

    /** Every shard of the stream, following DescribeStream's pages. */
    private List<Shard> describe(String arn) {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            DescribeStreamRequest.Builder b = DescribeStreamRequest.builder().streamArn(arn);
            if (start != null) {
                b.exclusiveStartShardId(start);
            }
            DescribeStreamResponse resp = streams.describeStream(b.build());
            StreamStatus status = resp.streamDescription().streamStatus();
            if (status == StreamStatus.DISABLED || status == StreamStatus.DISABLING) {
                throw new ContinuityLost("stream " + arn + " is " + status);
            }
            shards.addAll(resp.streamDescription().shards());
            start = resp.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    private static boolean isClosed(Shard s) {
        return s.sequenceNumberRange() != null && s.sequenceNumberRange().endingSequenceNumber() != null;
    }

    private void updateLag() {
        long min = Long.MAX_VALUE;
        for (ShardReader r : active.values()) {
            min = Math.min(min, r.caughtUpAt);
        }
        if (min != Long.MAX_VALUE) {
            caughtUpAt = min;
        }
        shardsFollowed = active.size();
    }

    private void checkLag() {
        long behind = clock.millis() - caughtUpAt;
        if (behind > maxLag.toMillis()) {
            throw new ContinuityLost("follower " + behind + " ms behind the stream (limit " + maxLag.toMillis() + " ms)");
        }
    }

    private void checkLagQuietly() {
        if (streamArn != null && clock.millis() - caughtUpAt > maxLag.toMillis()) {
            lose("follower " + (clock.millis() - caughtUpAt) + " ms behind the stream (limit " + maxLag.toMillis() + " ms)");
        }
    }

    private void lose(String reason) {
        boolean wasFollowing = streamArn != null;
        streamArn = null;
        active.clear();
        finished.clear();
        shardsFollowed = 0;
        caughtUpAt = -1;
        if (wasFollowing) {
            listener.onContinuityLost(reason);
        } else {
            log.warn("stream poller cannot start: {}", reason);
        }
    }

    private Duration nextBackoff() {
        Duration base = pollInterval.compareTo(Duration.ofMillis(100)) > 0 ? pollInterval : Duration.ofMillis(100);
        backoff = backoff.isZero() ? base : backoff.multipliedBy(2);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        return backoff;
    }

    @Override
    public Status status() {
        long at = caughtUpAt;
        return new Status(shardsFollowed, recordsRead.get(), at < 0 ? -1 : Math.max(0, clock.millis() - at));
    }

    /** Stops the thread (waits up to 5 s), then closes the streams client. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop.countDown();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("stream poller did not stop within 5 s; interrupting it");
                thread.interrupt();
            }
        }
        streams.close();
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                log.warn("stream poller: closing its clients failed: {}", e.toString());
            }
        }
    }
}
