package io.goredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.Await;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Past --maxclients a new client gets Redis's error and is closed; a freed slot is reused. */
class MaxClientsIT {

    @RegisterExtension
    final GoRedisServerExtension goredis = new GoRedisServerExtension().args("--maxclients", "2");

    @Test
    void maxclients_thirdClientRefused() throws IOException {
        try (RawClient a = goredis.rawClient(); RawClient b = goredis.rawClient()) {
            assertEquals("+PONG\r\n", a.call("PING"));
            assertEquals("+PONG\r\n", b.call("PING"));
            try (RawClient c = goredis.rawClient()) {
                assertEquals("-ERR max number of clients reached\r\n", c.readReply());
                assertTrue(c.closedByServer());
            }
            assertEquals("+PONG\r\n", a.call("PING"));
        }
        // both slots are released when their sessions end; poll until the server saw that
        Await.until(Duration.ofSeconds(5), () -> goredis.server().freeSlots() >= 2,
                () -> "slots still taken: " + goredis.server().freeSlots() + " free");
        try (RawClient a = goredis.rawClient(); RawClient b = goredis.rawClient()) {
            assertEquals("+PONG\r\n", a.call("PING"));
            assertEquals("+PONG\r\n", b.call("PING"));
        }
    }

    @Test
    void configSetMaxclients_raisesLimit() throws IOException {
        try (RawClient a = goredis.rawClient(); RawClient b = goredis.rawClient()) {
            assertEquals("+OK\r\n", a.call("CONFIG", "SET", "maxclients", "3"));
            assertEquals("+PONG\r\n", b.call("PING"));
            try (RawClient c = goredis.rawClient()) {
                assertEquals("+PONG\r\n", c.call("PING"));
            }
        }
    }
}
