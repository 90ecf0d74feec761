package io.goredis.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.goredis.store.Entry;
import io.goredis.store.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The poller against a Mockito-mocked streams client: the shard life cycle and failures DynamoDB
 * Local will not produce on demand.
 */
class StreamPollerTest {

    private static final String ARN = "arn:stream/1";

    private final MutableClock clock = new MutableClock(1_000_000);
    private final DynamoDbStreamsClient streams = mock(DynamoDbStreamsClient.class);
    private final RecordingListener listener = new RecordingListener();
    /** The shards DescribeStream lists, in pages of two. */
    private final List<Shard> shards = new ArrayList<>();
    /** GetRecords answers per iterator string; an iterator not listed returns nothing. */
    private final Map<String, Deque<Supplier<GetRecordsResponse>>> pages = new HashMap<>();
    private final List<GetShardIteratorRequest> iteratorRequests = new ArrayList<>();
    private StreamPoller poller;

    @BeforeEach
    void setUp() {
        when(streams.describeStream(any(DescribeStreamRequest.class))).thenAnswer(inv -> {
            DescribeStreamRequest req = inv.getArgument(0);
            int from = 0;
            if (req.exclusiveStartShardId() != null) {
                for (int i = 0; i < shards.size(); i++) {
                    if (shards.get(i).shardId().equals(req.exclusiveStartShardId())) {
                        from = i + 1;
                    }
                }
            }
            int to = Math.min(shards.size(), from + 2);
            return DescribeStreamResponse.builder().streamDescription(StreamDescription.builder()
                    .streamArn(ARN).streamStatus(StreamStatus.ENABLED)
                    .shards(shards.subList(from, to))
                    .lastEvaluatedShardId(to < shards.size() ? shards.get(to - 1).shardId() : null)
                    .build()).build();
        });
        when(streams.getShardIterator(any(GetShardIteratorRequest.class))).thenAnswer(inv -> {
            GetShardIteratorRequest req = inv.getArgument(0);
            iteratorRequests.add(req);
            String it = req.shardId() + "/" + req.shardIteratorType() + (req.sequenceNumber() == null ? "" : "/" + req.sequenceNumber());
            return GetShardIteratorResponse.builder().shardIterator(it).build();
        });
        when(streams.getRecords(any(GetRecordsRequest.class))).thenAnswer(inv -> {
            GetRecordsRequest req = inv.getArgument(0);
            Deque<Supplier<GetRecordsResponse>> q = pages.get(req.shardIterator());
            if (q == null || q.isEmpty()) {
                return GetRecordsResponse.builder().records(List.of()).nextShardIterator(req.shardIterator()).build();
            }
            return q.poll().get();
        });
        poller = new StreamPoller(streams, () -> Optional.of(ARN), StreamPollerTest::decode,
                Duration.ofMillis(50), Duration.ofSeconds(30), clock, d -> {}, null);
        poller.attach(listener);
    }

    // ---- fixtures -------------------------------------------------------------------------------

    private static Shard open(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("1").build()).build();
    }

    private static Shard closed(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("1").endingSequenceNumber("9").build()).build();
    }

    /** A record whose key attribute "k" and version "v" the test decoder reads. */
    private static Record rec(String key, long version, String seq) {
        return Record.builder().eventName("MODIFY").dynamodb(StreamRecord.builder().sequenceNumber(seq)
                .newImage(Map.of("k", AttributeValue.fromS(key), "v", AttributeValue.fromN(Long.toString(version))))
                .build()).build();
    }

    private static Optional<ChangeEvent> decode(Record r) {
        Map<String, AttributeValue> img = r.dynamodb().newImage();
        if (img.containsKey("bad")) {
            throw new IllegalArgumentException("bad item");
        }
        long v = Long.parseLong(img.get("v").n());
        return Optional.of(ChangeEvent.put(0, img.get("k").s().getBytes(StandardCharsets.UTF_8),
                new Entry(new byte[0], Entry.NO_EXPIRY, v)));
    }

    /** Next GetRecords on {@code iterator} returns {@code records} and continues at {@code next}. */
    private void page(String iterator, String next, Record... records) {
        pages.computeIfAbsent(iterator, k -> new ArrayDeque<>()).add(() ->
                GetRecordsResponse.builder().records(records).nextShardIterator(next).build());
    }

    private void fail(String iterator, RuntimeException e) {
        pages.computeIfAbsent(iterator, k -> new ArrayDeque<>()).add(() -> {
            throw e;
        });
    }

    private static final class RecordingListener implements ChangeListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onChange(ChangeEvent event) {
            calls.add(new String(event.key(), StandardCharsets.UTF_8) + "@" + event.version());
        }

        @Override
        public void onContinuous() {
            calls.add("continuous");
        }

        @Override
        public void onContinuityLost(String reason) {
            calls.add("lost");
        }
    }

    // ---- tests ----------------------------------------------------------------------------------

    @Test
    void start_opensOpenShardsAtLatest_acrossDescribePages() {
        shards.addAll(List.of(closed("s0", null), open("s1", "s0"), open("s2", null), open("s3", null), open("s4", null)));
        assertEquals(Duration.ZERO, poller.step());
        assertEquals(List.of("continuous"), listener.calls);
        assertEquals(4, poller.status().shardsFollowed());
        assertTrue(iteratorRequests.stream().allMatch(r -> r.shardIteratorType() == ShardIteratorType.LATEST));
        assertTrue(iteratorRequests.stream().noneMatch(r -> r.shardId().equals("s0")));
    }

    @Test
    void step_deliversRecordsInOrder() {
        shards.add(open("s1", null));
        poller.step();
        page("s1/LATEST", "s1/b", rec("a", 1, "10"), rec("b", 2, "11"));
        assertEquals(Duration.ZERO, poller.step(), "records came: poll again at once");
        assertEquals(List.of("continuous", "a@1", "b@2"), listener.calls);
        assertEquals(Duration.ofMillis(50), poller.step(), "nothing came: wait the poll interval");
        assertEquals(2, poller.status().recordsRead());
    }

    @Test
    void closedShard_childReadFromTrimHorizonAfterParent() {
        shards.add(open("p", null));
        poller.step();
        // the parent rolls over: its last records, then a null iterator; the child appears
        shards.set(0, closed("p", null));
        shards.add(open("c", "p"));
        page("p/LATEST", null, rec("a", 1, "10"));
        page("c/TRIM_HORIZON", "c/2", rec("a", 2, "20"));
        poller.step();
        poller.step();
        assertEquals(List.of("continuous", "a@1", "a@2"), listener.calls);
        assertEquals(1, poller.status().shardsFollowed());
    }

    @Test
    void split_childrenWaitForParent_thenBothFollowed() {
        shards.add(open("p", null));
        poller.step();
        shards.add(open("c1", "p"));
        shards.add(open("c2", "p"));
        clock.advanceMillis(StreamPoller.DISCOVERY_INTERVAL.toMillis() + 1);
        poller.step();
        // the parent is still being read: its children must wait
        assertTrue(iteratorRequests.stream().noneMatch(r -> r.shardId().startsWith("c")));
        shards.set(0, closed("p", null));
        page("p/LATEST", null, rec("a", 1, "10"));
        page("c1/TRIM_HORIZON", "c1/2", rec("a", 2, "20"));
        page("c2/TRIM_HORIZON", "c2/2", rec("b", 3, "30"));
        poller.step();
        poller.step();
        assertEquals(List.of("continuous", "a@1", "a@2", "b@3"), listener.calls);
        assertEquals(2, poller.status().shardsFollowed());
    }

    @Test
    void expiredIterator_resumesAfterLastSequence() {
        shards.add(open("s1", null));
        poller.step();
        page("s1/LATEST", "s1/b", rec("a", 1, "10"));
        poller.step();
        fail("s1/b", ExpiredIteratorException.builder().message("expired").build());
        poller.step();
        GetShardIteratorRequest last = iteratorRequests.get(iteratorRequests.size() - 1);
        assertEquals(ShardIteratorType.AFTER_SEQUENCE_NUMBER, last.shardIteratorType());
        assertEquals("10", last.sequenceNumber());
        page("s1/AFTER_SEQUENCE_NUMBER/10", "s1/c", rec("a", 2, "11"));
        poller.step();
        assertEquals(List.of("continuous", "a@1", "a@2"), listener.calls);
    }

    @Test
    void expiredIterator_beforeAnyRecordFromLatest_losesContinuity() {
        shards.add(open("s1", null));
        poller.step();
        fail("s1/LATEST", ExpiredIteratorException.builder().message("expired").build());
        poller.step();
        poller.step();
        assertEquals(List.of("continuous", "lost", "continuous"), listener.calls);
    }

    @Test
    void trimmedData_losesContinuity_thenRestartsAtLatest() {
        shards.add(open("s1", null));
        poller.step();
        fail("s1/LATEST", TrimmedDataAccessException.builder().message("trimmed").build());
        Duration wait = poller.step();
        assertTrue(wait.toMillis() >= 100, "backs off after a loss: " + wait);
        assertEquals(List.of("continuous", "lost"), listener.calls);
        assertEquals(-1, poller.status().lagMillis());
        poller.step();
        assertEquals(List.of("continuous", "lost", "continuous"), listener.calls);
        assertEquals(2, iteratorRequests.stream().filter(r -> r.shardIteratorType() == ShardIteratorType.LATEST).count());
    }

    @Test
    void limitExceeded_backsOffExponentially_keepingPosition() {
        shards.add(open("s1", null));
        poller.step();
        for (int i = 0; i < 8; i++) {
            fail("s1/LATEST", LimitExceededException.builder().message("slow down").build());
        }
        Duration first = poller.step();
        Duration second = poller.step();
        assertEquals(second, first.multipliedBy(2));
        Duration last = first;
        for (int i = 0; i < 6; i++) {
            last = poller.step();
        }
        assertEquals(StreamPoller.MAX_BACKOFF, last);
        assertEquals(Duration.ofMillis(50), poller.step(), "success resets the backoff");
        assertEquals(List.of("continuous"), listener.calls);
    }

    @Test
    void streamDisabled_losesContinuity() {
        shards.add(open("s1", null));
        poller.step();
        when(streams.describeStream(any(DescribeStreamRequest.class))).thenReturn(DescribeStreamResponse.builder()
                .streamDescription(StreamDescription.builder().streamArn(ARN).streamStatus(StreamStatus.DISABLED).shards(List.of()).build())
                .build());
        clock.advanceMillis(StreamPoller.DISCOVERY_INTERVAL.toMillis() + 1);
        poller.step();
        poller.step();
        assertEquals(List.of("continuous", "lost"), listener.calls, "no new start while the stream is disabled");
    }

    @Test
    void noStream_neverContinuous() {
        StreamPoller p = new StreamPoller(streams, Optional::empty, StreamPollerTest::decode,
                Duration.ofMillis(50), Duration.ofSeconds(30), clock, d -> {}, null);
        RecordingListener l = new RecordingListener();
        p.attach(l);
        p.step();
        p.step();
        assertEquals(List.of(), l.calls);
        verify(streams, never()).getRecords(any(GetRecordsRequest.class));
    }

    @Test
    void vanishedShard_losesContinuity() {
        shards.add(open("s1", null));
        poller.step();
        shards.clear();
        shards.add(open("s2", null));
        clock.advanceMillis(StreamPoller.DISCOVERY_INTERVAL.toMillis() + 1);
        poller.step();
        assertEquals(List.of("continuous", "lost"), listener.calls);
    }

    @Test
    void resourceNotFound_losesContinuity() {
        shards.add(open("s1", null));
        poller.step();
        fail("s1/LATEST", ResourceNotFoundException.builder().message("gone").build());
        poller.step();
        assertEquals(List.of("continuous", "lost"), listener.calls);
    }

    @Test
    void undecodableRecord_losesContinuity() {
        shards.add(open("s1", null));
        poller.step();
        page("s1/LATEST", "s1/b", Record.builder().dynamodb(StreamRecord.builder().sequenceNumber("5")
                .newImage(Map.of("bad", AttributeValue.fromS("x"))).build()).build());
        poller.step();
        assertEquals(List.of("continuous", "lost"), listener.calls);
    }

    @Test
    void followerTooFarBehind_losesContinuity() {
        shards.add(open("s1", null));
        poller.step();
        for (int i = 0; i < 3; i++) {
            fail("s1/LATEST", software.amazon.awssdk.core.exception.SdkClientException.create("connection refused"));
        }
        poller.step();
        assertEquals(List.of("continuous"), listener.calls, "a short outage keeps the position");
        clock.advanceMillis(31_000);
        poller.step();
        assertEquals(List.of("continuous", "lost"), listener.calls);
    }

    @Test
    void lag_isTimeSinceLastCaughtUp() {
        shards.add(open("s1", null));
        poller.step();
        poller.step();
        clock.advanceMillis(70);
        assertEquals(70, poller.status().lagMillis());
        poller.step();
        assertEquals(0, poller.status().lagMillis());
    }

    @Test
    void unexpectedFailure_losesContinuity() {
        shards.add(open("s1", null));
        poller.step();
        fail("s1/LATEST", new IllegalStateException("boom"));
        poller.step();
        assertEquals(List.of("continuous", "lost"), listener.calls);
    }

    @Test
    void thread_startsFollowsAndStops() throws Exception {
        shards.add(open("s1", null));
        CountDownLatch got = new CountDownLatch(1);
        CountDownLatch closedResources = new CountDownLatch(1);
        page("s1/LATEST", "s1/b", rec("a", 1, "10"));
        StreamPoller p = new StreamPoller(streams, () -> Optional.of(ARN), StreamPollerTest::decode,
                Duration.ofMillis(5), Duration.ofSeconds(30), clock, closedResources::countDown);
        p.start(new ChangeListener() {
            @Override
            public void onChange(ChangeEvent event) {
                got.countDown();
            }

            @Override
            public void onContinuous() {}

            @Override
            public void onContinuityLost(String reason) {}
        });
        assertTrue(got.await(10, TimeUnit.SECONDS));
        p.close();
        p.close();
        verify(streams).close();
        assertEquals(0, closedResources.getCount());
        verify(streams, never()).getShardIterator(argThat((GetShardIteratorRequest r) -> r.shardIteratorType() == ShardIteratorType.TRIM_HORIZON));
    }
}
