package io.goredis.store.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.goredis.Race;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Start-up against DynamoDB Local: missing table, wrong shape, many nodes creating at once. */
class TableSetupIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    @Test
    void open_missingTableWithoutCreate_oneLineError() {
        DynamoSettings settings = DynamoSettings.of("no-such-table").withEndpoint(dynamo.endpoint());
        TableSetup.TableSetupException e = assertThrows(TableSetup.TableSetupException.class,
                () -> DynamoStore.open(settings, Clock.systemUTC()));
        assertEquals("DynamoDB table 'no-such-table' does not exist (start with --create-table to create it)",
                e.getMessage());
    }

    @Test
    void open_wrongKeySchema_oneLineError() {
        String name = "wrong-shape-" + System.nanoTime();
        dynamo.client().createTable(CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        DynamoSettings settings = DynamoSettings.of(name).withEndpoint(dynamo.endpoint()).withCreateTable(true);
        TableSetup.TableSetupException e = assertThrows(TableSetup.TableSetupException.class,
                () -> DynamoStore.open(settings, Clock.systemUTC()));
        assertEquals("DynamoDB table '" + name + "' has the wrong shape: goredis needs a binary partition key 'pk'"
                + " and no sort key, found id HASH S", e.getMessage());
    }

    @Test
    void open_manyNodesCreatingAtOnce_allComeUp() throws Exception {
        String name = "created-together-" + System.nanoTime();
        DynamoSettings settings = DynamoSettings.of(name).withEndpoint(dynamo.endpoint()).withCreateTable(true);
        for (DynamoStore store : Race.run(4, i -> DynamoStore.open(settings, Clock.systemUTC()))) {
            try (store) {
                assertEquals("dynamodb", store.name());
                assertEquals(name, store.table());
            }
        }
        TableDescription d = dynamo.client().describeTable(DescribeTableRequest.builder().tableName(name).build()).table();
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, d.streamSpecification().streamViewType());
        assertEquals(BillingMode.PAY_PER_REQUEST, d.billingModeSummary().billingMode());
        assertEquals(TimeToLiveStatus.ENABLED, dynamo.client().describeTimeToLive(
                DescribeTimeToLiveRequest.builder().tableName(name).build()).timeToLiveDescription().timeToLiveStatus());
    }
}
