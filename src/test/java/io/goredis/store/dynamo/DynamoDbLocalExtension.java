package io.goredis.store.dynamo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * JUnit extension: DynamoDB Local in-process, started once per JVM (kept in the root context's
 * store and stopped when the run ends), and a fresh goredis table per test class.
 *
 * <pre>
 *   &#64;RegisterExtension
 *   static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();
 *   ... new DynamoStore(dynamo.client(), dynamo.table(), clock)
 * </pre>
 * It also sets dummy AWS credentials and region as system properties (if none are set) so code that
 * uses the SDK's default chains, such as {@link DynamoStore#open} and the server's Main, works
 * against it. {@link #newTable()} makes another fresh table for a test that needs one of its own.
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);
    private static final String SERVER_KEY = "dynamodb-local";

    private final AtomicInteger tables = new AtomicInteger();
    private DynamoDbLocal local;
    private SdkHttpClient http;
    private DynamoDbClient client;
    private String table;
    private String prefix;

    @Override
    public void beforeAll(ExtensionContext context) {
        setDummyAwsProperty("aws.accessKeyId", "x");
        setDummyAwsProperty("aws.secretAccessKey", "x");
        setDummyAwsProperty("aws.region", "us-east-1");
        local = context.getRoot().getStore(NS)
                .computeIfAbsent(SERVER_KEY, k -> new Shared(DynamoDbLocal.start(0)), Shared.class).local();
        http = ApacheHttpClient.builder().maxConnections(256).build();
        client = DynamoDbClient.builder()
                .httpClient(http)
                .endpointOverride(local.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .build();
        prefix = context.getRequiredTestClass().getSimpleName() + "-" + Long.toHexString(System.nanoTime());
        table = newTable();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            for (int i = 0; i < tables.get(); i++) {
                try {
                    client.deleteTable(DeleteTableRequest.builder().tableName(prefix + "-" + i).build());
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
            client.close();
            http.close();
        }
    }

    /** Creates another empty goredis table (stream and TTL on) and returns its name. */
    public String newTable() {
        String name = prefix + "-" + tables.getAndIncrement();
        new TableSetup(client, name, Clock.systemUTC(), Duration.ofSeconds(30)).ensure(true);
        return name;
    }

    /**
     * Physically deletes every item of {@code tableName} (not through the store: no tombstones),
     * so each test starts from an empty table without the cost of a new one.
     */
    public void truncate(String tableName) {
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = client.scan(ScanRequest.builder().tableName(tableName)
                    .projectionExpression("#pk").expressionAttributeNames(Map.of("#pk", ItemCodec.PK))
                    .exclusiveStartKey(start).build());
            List<WriteRequest> deletes = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(item).build()).build());
            }
            for (int i = 0; i < deletes.size(); i += 25) {
                Map<String, List<WriteRequest>> batch = Map.of(tableName, deletes.subList(i, Math.min(deletes.size(), i + 25)));
                while (!batch.isEmpty()) {
                    BatchWriteItemResponse r = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(batch).build());
                    batch = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** The table created for this test class. */
    public String table() {
        return table;
    }

    /** A client on DynamoDB Local; owned by the extension. */
    public DynamoDbClient client() {
        return client;
    }

    /** A new streams client on DynamoDB Local; the caller closes it. */
    public DynamoDbStreamsClient newStreamsClient() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(local.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(ApacheHttpClient.builder().build())
                .build();
    }

    public URI endpoint() {
        return local.endpoint();
    }

    /** Settings for {@link DynamoStore#open} on this class's table. */
    public DynamoSettings settings() {
        return DynamoSettings.of(table).withEndpoint(local.endpoint());
    }

    /** A store on this class's table, sharing the extension's client (not closed with the store). */
    public DynamoStore newStore(Clock clock) {
        return new DynamoStore(client, table, clock);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));
    }

    private static void setDummyAwsProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /** The JVM-wide server, stopped by JUnit when the root context closes. */
    private record Shared(DynamoDbLocal local) implements AutoCloseable {
        @Override
        public void close() {
            local.close();
        }
    }
}
