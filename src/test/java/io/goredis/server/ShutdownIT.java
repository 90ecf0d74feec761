package io.goredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.command.CommandSpec;
import io.goredis.command.CommandTable;
import io.goredis.command.connection.ConnectionCommands;
import io.goredis.config.Config;
import io.goredis.protocol.Reply;
import io.goredis.store.memory.InMemoryStore;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** close(): stop accepting, finish the command in flight and send its reply, close the sessions. */
class ShutdownIT {

    /** With 1 platform thread the busy session runs on a platform thread and the idle one on a virtual one. */
    @ParameterizedTest(name = "platform-threads {0}")
    @ValueSource(ints = {0, 1, 2})
    void close_finishesCommandInFlight(int platformThreads) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<CommandSpec> specs = new ArrayList<>(ConnectionCommands.all());
        specs.add(CommandSpec.of("slow", 1, "server", Set.of(), (args, ctx) -> {
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Reply.SimpleString("DONE");
        }));
        Config config = Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1",
                "--platform-threads", Integer.toString(platformThreads)}, Map.of());
        try (InMemoryStore store = new InMemoryStore(Clock.systemUTC())) {
            Server server = Server.start(config, store, Clock.systemUTC(), new CommandTable(specs));
            int port = server.port();
            try (RawClient busy = new RawClient(port); RawClient idle = new RawClient(port)) {
                assertEquals("+PONG\r\n", idle.call("PING"));
                busy.command("SLOW");
                assertTrue(started.await(5, TimeUnit.SECONDS));
                Thread closer = Thread.ofPlatform().start(server::close);
                assertTrue(idle.closedByServer(), "idle session closed");
                release.countDown();
                assertEquals("+DONE\r\n", busy.readReply());
                assertTrue(busy.closedByServer());
                closer.join(10_000);
                assertEquals(0, server.connectedClients());
            }
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
            server.close(); // idempotent
        }
    }

    @Test
    void close_withoutClients() throws IOException {
        Config config = Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1"}, Map.of());
        try (InMemoryStore store = new InMemoryStore(Clock.systemUTC());
             Server server = Server.start(config, store, Clock.systemUTC())) {
            assertTrue(server.port() > 0);
            assertEquals("memory", server.store().name());
        }
    }
}
