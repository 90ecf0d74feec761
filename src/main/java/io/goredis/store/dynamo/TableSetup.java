package io.goredis.store.dynamo;

import io.goredis.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Makes sure the goredis table exists with the right shape before a store serves from it (called
 * once at start-up by {@link DynamoStore#open}).
 *
 * <p>With {@code create}: creates the table (on-demand billing, stream NEW_AND_OLD_IMAGES for the
 * caching store) if missing, waits until it is ACTIVE and enables TTL on {@link ItemCodec#TTL}.
 * Many nodes may do this at the same moment: one CreateTable wins, the others get
 * {@link ResourceInUseException} and just wait for ACTIVE. Without {@code create}, a missing table
 * or a wrong key schema is a {@link TableSetupException} with a one-line message.
 */
public final class TableSetup {

    private static final Logger log = LoggerFactory.getLogger(TableSetup.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * Start-up calls get more time than commands: CreateTable and a first request to a cold
     * DynamoDB Local can take several seconds, and nobody is waiting on a reply yet.
     */
    static final Duration SETUP_CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final AwsRequestOverrideConfiguration SLOW_OK = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(SETUP_CALL_TIMEOUT).apiCallAttemptTimeout(SETUP_CALL_TIMEOUT).build();

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;
    private final Duration activeTimeout;

    public TableSetup(DynamoDbClient client, String table, Clock clock, Duration activeTimeout) {
        this.client = client;
        this.table = table;
        this.clock = clock;
        this.activeTimeout = activeTimeout;
    }

    /** A start-up problem with the table; the message is one line for the operator. */
    public static final class TableSetupException extends StoreException {
        public TableSetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Creates (if allowed and missing), waits for ACTIVE, validates the key schema; returns the description. */
    public TableDescription ensure(boolean create) {
        try {
            TableDescription d = describe();
            if (d == null) {
                if (!create) {
                    throw new TableSetupException("DynamoDB table '" + table
                            + "' does not exist (start with --create-table to create it)", null);
                }
                createTable();
            }
            d = awaitActive();
            validate(d);
            if (create) {
                enableTtl();
            }
            return d;
        } catch (SdkException e) {
            throw new TableSetupException("DynamoDB table '" + table + "' is not usable: " + DynamoErrors.cause(e), e);
        }
    }

    /** The table's description, or null if it does not exist. */
    TableDescription describe() {
        try {
            return client.describeTable(DescribeTableRequest.builder().tableName(table)
                    .overrideConfiguration(SLOW_OK).build()).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private void createTable() {
        try {
            client.createTable(CreateTableRequest.builder()
                    .tableName(table)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName(ItemCodec.PK).attributeType(ScalarAttributeType.B).build())
                    .keySchema(KeySchemaElement.builder().attributeName(ItemCodec.PK).keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(StreamSpecification.builder()
                            .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                    .overrideConfiguration(SLOW_OK)
                    .build());
            log.info("created DynamoDB table {}", table);
        } catch (ResourceInUseException e) {
            log.info("DynamoDB table {} is being created by another node; waiting for it", table);
        }
    }

    private TableDescription awaitActive() {
        long deadline = clock.millis() + activeTimeout.toMillis();
        while (true) {
            TableDescription d = describe();
            if (d != null && d.tableStatus() == TableStatus.ACTIVE) {
                return d;
            }
            if (clock.millis() >= deadline) {
                throw new TableSetupException("DynamoDB table '" + table + "' did not become ACTIVE within "
                        + activeTimeout.toSeconds() + " s (status " + (d == null ? "missing" : d.tableStatusAsString()) + ")", null);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new TableSetupException("interrupted while waiting for DynamoDB table '" + table + "'", ie);
            }
        }
    }

    private void validate(TableDescription d) {
        List<KeySchemaElement> keys = d.keySchema();
        boolean pkIsBinary = d.attributeDefinitions().stream()
                .anyMatch(a -> a.attributeName().equals(ItemCodec.PK) && a.attributeType() == ScalarAttributeType.B);
        if (keys.size() != 1 || !keys.get(0).attributeName().equals(ItemCodec.PK)
                || keys.get(0).keyType() != KeyType.HASH || !pkIsBinary) {
            throw new TableSetupException("DynamoDB table '" + table + "' has the wrong shape: goredis needs a "
                    + "binary partition key '" + ItemCodec.PK + "' and no sort key, found " + describeKeys(d), null);
        }
    }

    private static String describeKeys(TableDescription d) {
        StringBuilder sb = new StringBuilder();
        for (KeySchemaElement k : d.keySchema()) {
            String type = d.attributeDefinitions().stream()
                    .filter(a -> a.attributeName().equals(k.attributeName()))
                    .map(a -> a.attributeTypeAsString()).findFirst().orElse("?");
            sb.append(sb.isEmpty() ? "" : ", ").append(k.attributeName()).append(' ')
                    .append(k.keyTypeAsString()).append(' ').append(type);
        }
        return sb.toString();
    }

    /** Enables TTL on the ttl attribute unless it already is; tolerates a concurrent enabler. */
    private void enableTtl() {
        if (ttlEnabled()) {
            return;
        }
        try {
            client.updateTimeToLive(UpdateTimeToLiveRequest.builder()
                    .tableName(table)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder()
                            .attributeName(ItemCodec.TTL).enabled(true).build())
                    .overrideConfiguration(SLOW_OK)
                    .build());
        } catch (SdkException e) {
            // Another node enabling it at the same time makes DynamoDB refuse the second request.
            if (!ttlEnabled()) {
                log.warn("could not enable TTL on {}.{}: {}", table, ItemCodec.TTL, DynamoErrors.cause(e));
            }
        }
    }

    private boolean ttlEnabled() {
        TimeToLiveDescription t = client.describeTimeToLive(
                DescribeTimeToLiveRequest.builder().tableName(table)
                        .overrideConfiguration(SLOW_OK).build()).timeToLiveDescription();
        boolean on = t != null && (t.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || t.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
        if (on && !ItemCodec.TTL.equals(t.attributeName())) {
            log.warn("table {} has TTL on attribute {}, not {}: expired keys will not be swept",
                    table, t.attributeName(), ItemCodec.TTL);
        }
        return on;
    }
}
