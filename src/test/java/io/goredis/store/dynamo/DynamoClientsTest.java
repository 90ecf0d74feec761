package io.goredis.store.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The SDK clients' retry and timeout settings, checked through the real SDK against a scripted HTTP
 * client: reads retry throttling and 5xx; writes retry only what surely did not apply; a hung
 * DynamoDB turns into a timeout error.
 */
class DynamoClientsTest {

    private static final String THROTTLED = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
            + "ProvisionedThroughputExceededException\",\"message\":\"slow down\"}";
    private static final String SERVER_ERROR = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
            + "InternalServerError\",\"message\":\"oops\"}";
    private static final String ITEM = "{\"Item\":{\"pk\":{\"B\":\"AGs=\"},\"ver\":{\"N\":\"7\"},\"v\":{\"B\":\"dg==\"}}}";

    private final DynamoSettings settings = DynamoSettings.of("tbl").withEndpoint(URI.create("http://127.0.0.1:1"))
            .withTimeouts(Duration.ofMillis(1500), Duration.ofMillis(300));

    /** Answers each request with the next scripted step; {@code null} body means hang until aborted. */
    private static final class ScriptedHttp implements SdkHttpClient {
        record Step(int status, String body, IOException failure) {}

        final Deque<Step> steps = new ArrayDeque<>();
        final AtomicInteger calls = new AtomicInteger();

        ScriptedHttp then(int status, String body) {
            steps.add(new Step(status, body, null));
            return this;
        }

        ScriptedHttp thenFail(IOException e) {
            steps.add(new Step(0, null, e));
            return this;
        }

        ScriptedHttp thenHang() {
            steps.add(new Step(0, null, null));
            return this;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            CountDownLatch aborted = new CountDownLatch(1);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    calls.incrementAndGet();
                    Step step = steps.isEmpty() ? null : steps.poll();
                    if (step == null || (step.body() == null && step.failure() == null)) {
                        try {
                            aborted.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new InterruptedIOException("aborted");
                    }
                    if (step.failure() != null) {
                        throw step.failure();
                    }
                    byte[] body = step.body().getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(step.status())
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", Integer.toString(body.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {
                    aborted.countDown();
                }
            };
        }

        @Override
        public void close() {}
    }

    private DynamoDbClient reads(ScriptedHttp http) {
        return DynamoClients.readsBuilder(settings, http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build();
    }

    private DynamoDbClient writes(ScriptedHttp http) {
        return DynamoClients.writesBuilder(settings, http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build();
    }

    private static GetItemRequest get() {
        return GetItemRequest.builder().tableName("tbl").key(Map.of("pk", AttributeValue.fromB(
                software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {0, 'k'})))).build();
    }

    private static PutItemRequest put() {
        return PutItemRequest.builder().tableName("tbl").item(new ItemCodec().encode(0, new byte[] {'k'},
                new byte[] {'v'}, 0, 1)).build();
    }

    @Test
    void reads_throttledTwice_retriedWithBackoffThenSucceed() {
        ScriptedHttp http = new ScriptedHttp().then(400, THROTTLED).then(400, THROTTLED).then(200, ITEM);
        try (DynamoDbClient c = reads(http)) {
            assertEquals("7", c.getItem(get()).item().get("ver").n());
        }
        assertEquals(3, http.calls.get());
    }

    @Test
    void reads_serverError_retried() {
        ScriptedHttp http = new ScriptedHttp().then(500, SERVER_ERROR).then(200, ITEM);
        try (DynamoDbClient c = reads(http)) {
            assertTrue(c.getItem(get()).hasItem());
        }
        assertEquals(2, http.calls.get());
    }

    @Test
    void writes_serverError_notRetried() {
        ScriptedHttp http = new ScriptedHttp().then(500, SERVER_ERROR).then(200, "{}");
        try (DynamoDbClient c = writes(http)) {
            DynamoDbException e = assertThrows(DynamoDbException.class, () -> c.putItem(put()));
            assertEquals(500, e.statusCode());
        }
        assertEquals(1, http.calls.get());
    }

    @Test
    void writes_throttled_retried() {
        ScriptedHttp http = new ScriptedHttp().then(400, THROTTLED).then(200, "{}");
        try (DynamoDbClient c = writes(http)) {
            c.putItem(put());
        }
        assertEquals(2, http.calls.get());
    }

    @Test
    void writes_connectionRefused_retried() {
        ScriptedHttp http = new ScriptedHttp().thenFail(new ConnectException("Connection refused")).then(200, "{}");
        try (DynamoDbClient c = writes(http)) {
            c.putItem(put());
        }
        assertEquals(2, http.calls.get());
    }

    @Test
    void writes_readTimeoutMidRequest_notRetried() {
        ScriptedHttp http = new ScriptedHttp().thenFail(new java.net.SocketTimeoutException("Read timed out")).then(200, "{}");
        try (DynamoDbClient c = writes(http)) {
            assertThrows(SdkClientException.class, () -> c.putItem(put()));
        }
        assertEquals(1, http.calls.get());
    }

    @Test
    void reads_hungServer_timesOut() {
        ScriptedHttp http = new ScriptedHttp().thenHang().thenHang().thenHang().thenHang();
        try (DynamoDbClient c = reads(http)) {
            SdkException e = assertThrows(SdkException.class, () -> c.getItem(get()));
            assertTrue(e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException, e.toString());
            assertTrue(DynamoErrors.map("read", e).getMessage().startsWith("ERR DynamoDB read failed: timed out"));
        }
    }

    @Test
    void surelyNotApplied_classifies() {
        assertTrue(DynamoClients.surelyNotApplied(SdkClientException.create("x", new ConnectException("refused"))));
        assertFalse(DynamoClients.surelyNotApplied(SdkClientException.create("x", new IOException("reset"))));
        assertInstanceOf(software.amazon.awssdk.regions.Region.class, DynamoClients.region(settings));
    }

    @Test
    void streamsAndStoreClients_build() {
        try (SdkHttpClient http = DynamoClients.httpClient(settings);
             var streams = DynamoClients.streams(settings, http);
             var r = DynamoClients.dynamoDb(settings, http);
             var w = DynamoClients.dynamoDbWrites(settings, http)) {
            assertEquals(List.of("dynamodb"), List.of(r.serviceName()));
            assertTrue(streams.serviceName().contains("dynamodb"));
            assertEquals("dynamodb", w.serviceName());
        }
    }
}
