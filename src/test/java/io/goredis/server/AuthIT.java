package io.goredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** REDIS_PASSWORD set: the AUTH gate, byte for byte as Redis 7. */
class AuthIT {

    @RegisterExtension
    static final GoRedisServerExtension goredis = new GoRedisServerExtension().env(Map.of("REDIS_PASSWORD", "bacon"));

    @Test
    void auth_issueSequence_byteForByte() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            c.send("AUTH cabbage\r\nGET bacon\r\nAUTH bacon\r\nGET bacon\r\n");
            StringBuilder replies = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                replies.append(c.readReply());
            }
            assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n"
                    + "-NOAUTH Authentication required.\r\n+OK\r\n$-1\r\n", replies.toString());
        }
    }

    @Test
    void auth_sequence() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n", c.send("AUTH cabbage\r\n").readReply());
            assertEquals("-NOAUTH Authentication required.\r\n", c.send("PING\r\n").readReply());
            assertEquals("+OK\r\n", c.send("AUTH bacon\r\n").readReply());
            assertEquals("+PONG\r\n", c.send("PING\r\n").readReply());
        }
    }

    @Test
    void arityAndUnknown_checkedBeforeAuth() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR unknown command 'nope', with args beginning with: \r\n", c.call("nope"));
            assertEquals("-ERR wrong number of arguments for 'echo' command\r\n", c.call("echo"));
            assertEquals("-NOAUTH Authentication required.\r\n", c.call("echo", "x"));
        }
    }

    @Test
    void hello_authAndSetname() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertTrue(c.call("HELLO", "3").startsWith("-NOAUTH HELLO must be called with the client already authenticated"));
            assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n",
                    c.call("HELLO", "3", "AUTH", "default", "nope"));
            assertTrue(c.call("HELLO", "3", "AUTH", "default", "bacon", "SETNAME", "n1").startsWith("%7\r\n"));
            assertEquals("$2\r\nn1\r\n", c.call("CLIENT", "GETNAME"));
            assertEquals("+RESET\r\n", c.call("RESET"));
            assertEquals("-NOAUTH Authentication required.\r\n", c.call("PING"));
        }
    }

    @Test
    void unauthenticated_limits() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR Protocol error: unauthenticated multibulk length\r\n", c.send("*11\r\n").readReply());
            assertTrue(c.closedByServer());
        }
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR Protocol error: unauthenticated bulk length\r\n", c.send("*2\r\n$4\r\nAUTH\r\n$16385\r\n").readReply());
            assertTrue(c.closedByServer());
        }
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+OK\r\n", c.call("AUTH", "bacon"));
            // 12 arguments and a 20 KB bulk are fine once authenticated
            assertTrue(c.call("CLIENT", "LIST", "ID", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10")
                    .startsWith("$"));
            String big = "x".repeat(20_000);
            assertEquals("$20000\r\n" + big + "\r\n", c.call("ECHO", big));
        }
    }
}
