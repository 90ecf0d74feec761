package io.goredis.store.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.StoreFactory;
import io.goredis.config.Config;
import io.goredis.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DynamoDB settings goredis reads from flags and environment. */
class DynamoConfigTest {

    @Test
    void defaults_tableGoredisSdkEndpointNoCreate() {
        Config c = Config.parse(new String[] {"--store", "dynamodb"}, Map.of());
        DynamoSettings s = StoreFactory.dynamoSettings(c);
        assertEquals("goredis", s.table());
        assertEquals(Optional.empty(), s.endpoint());
        assertFalse(s.createTable());
    }

    @Test
    void flagsAndEnvironment() {
        Config c = Config.parse(new String[] {"--store", "dynamodb", "--create-table"},
                Map.of("GOREDIS_TABLE", "my.table", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"));
        DynamoSettings s = StoreFactory.dynamoSettings(c);
        assertEquals("my.table", s.table());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), s.endpoint());
        assertTrue(s.createTable());
        assertEquals("other", Config.parse(new String[] {"--table", "other"}, Map.of("GOREDIS_TABLE", "my.table")).table());
    }

    @Test
    void badValues_nameTheSetting() {
        ConfigException t = assertThrows(ConfigException.class, () -> Config.parse(new String[] {"--table", "a b"}, Map.of()));
        assertEquals("invalid --table (GOREDIS_TABLE): 'a b' (expected 3-255 characters of a-z A-Z 0-9 _ - .)", t.getMessage());
        ConfigException e = assertThrows(ConfigException.class,
                () -> Config.parse(new String[] {"--dynamodb-endpoint", "localhost:8000"}, Map.of()));
        assertEquals("invalid --dynamodb-endpoint (AWS_ENDPOINT_URL_DYNAMODB): 'localhost:8000'"
                + " (expected http://host:port or https://host)", e.getMessage());
    }

    @Test
    void settings_validate() {
        assertThrows(IllegalArgumentException.class, () -> DynamoSettings.of("x"));
        DynamoSettings s = DynamoSettings.of("tbl");
        assertThrows(IllegalArgumentException.class, () -> s.withTimeouts(Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> s.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class, () -> s.withTtlGrace(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> new DynamoSettings("tbl", Optional.empty(), false,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO));
        assertEquals(Duration.ZERO, s.withTtlGrace(Duration.ZERO).ttlGrace());
    }
}
