package io.goredis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.config.Config;
import io.goredis.server.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void help_printsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: goredis"));
    }

    @Test
    void badSetting_oneLineAndStatus2() {
        assertEquals(2, run("--port", "abc"));
        assertEquals("goredis: invalid --port (GOREDIS_PORT): 'abc' (expected an integer)\n",
                err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void start_servesAndStops() throws IOException {
        Config config = Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1"}, Map.of());
        Main.Running running = Main.start(config, Clock.systemUTC(), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertNotNull(running);
        try (RawClient c = new RawClient(running.server().port())) {
            assertEquals("+PONG\r\n", c.call("PING"));
        } finally {
            running.stop();
            running.stop();
        }
    }

    @Test
    void start_portInUse_reportsAndReturnsNull() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Config config = Config.parse(new String[] {"--port", Integer.toString(taken.getLocalPort()), "--bind", "127.0.0.1"}, Map.of());
            assertNull(Main.start(config, Clock.systemUTC(), new PrintStream(err, true, StandardCharsets.UTF_8)));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("goredis: cannot listen on 127.0.0.1:" + taken.getLocalPort()));
        }
    }
}
