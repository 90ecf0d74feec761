package io.goredis.differential;

import io.goredis.config.Config;
import io.goredis.server.Server;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import io.goredis.store.dynamo.DynamoStore;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The differential scripts again, with goredis on the DynamoDB store (DynamoDB Local in-process):
 * every command must answer as Redis does on this store too (issue 4). Only the scripts of the
 * data commands (strings, hashes, sets, lists, sorted sets, types, keyspace, expiry) and of transactions, scripts
 * and functions run here:
 * protocol, connection and server scripts do not
 * depend on the store. Scripts marked {@code @only-store memory} (multi-MB values past DynamoDB's
 * item limit, SWAPDB) are skipped with their reason.
 */
@ExtendWith(RealRedisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialDynamoIT {

    @RegisterExtension
    static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();

    private DynamoStore store;
    private Server server;

    @BeforeAll
    void startGoredis() throws Exception {
        Clock clock = Clock.systemUTC();
        store = dynamo.newStore(clock);
        server = Server.start(Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1"}, Map.of()), store, clock);
    }

    @AfterAll
    void stopGoredis() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> scripts(Targets targets) throws Exception {
        Endpoint goredis = new Endpoint("goredis(dynamodb)", "127.0.0.1", server.port());
        Targets onDynamo = new Targets(targets.redis(), goredis, pw -> {
            throw new org.opentest4j.TestAbortedException("password scripts run on the memory store only");
        });
        return DifferentialIT.tests(onDynamo, "dynamodb", file -> {
            String name = file.getFileName().toString();
            return name.startsWith("strings-") || name.startsWith("keyspace") || name.startsWith("expiry")
                    || name.startsWith("txn-") || name.startsWith("scripting-") || name.startsWith("functions")
                    || name.startsWith("hash") || name.startsWith("sets") || name.startsWith("lists")
                    || name.startsWith("types") || name.startsWith("zset");
        });
    }
}
