package io.goredis.store.cache;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@link StreamLocator} that calls DescribeTable on the goredis table. */
public final class TableStreamLocator implements StreamLocator {

    private final DynamoDbClient dynamo;
    private final String table;

    public TableStreamLocator(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<String> streamArn() {
        TableDescription t = dynamo.describeTable(DescribeTableRequest.builder().tableName(table).build()).table();
        boolean enabled = t.streamSpecification() != null && Boolean.TRUE.equals(t.streamSpecification().streamEnabled());
        return enabled ? Optional.ofNullable(t.latestStreamArn()) : Optional.empty();
    }
}
