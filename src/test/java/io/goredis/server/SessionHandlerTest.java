package io.goredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.goredis.command.CommandSpec;
import io.goredis.command.CommandTable;
import io.goredis.command.ConfigParams;
import io.goredis.command.Counters;
import io.goredis.command.ExecutionGate;
import io.goredis.command.Flag;
import io.goredis.command.ServerStats;
import io.goredis.command.connection.ConnectionCommands;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import io.goredis.store.Store;
import io.goredis.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SessionHandler driven with plain byte streams: dispatch, error tiers, pipelining, stats. */
class SessionHandlerTest {

    private final Store store = mock(Store.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final ServerStats stats = new ServerStats(clock.millis());
    private final ClientRegistry clients = new ClientRegistry();

    /** A GET that reads the store, so a failing store can be simulated. */
    private final CommandSpec get = CommandSpec.keyed("get", 2, "string", Set.of(Flag.READONLY, Flag.FAST), 1, 1, 1,
            (args, ctx) -> Reply.bulkOrNull(ctx.store().get(ctx.session().db(), args.next()).map(Entry::bytes).orElse(null)));

    private CommandTable table() {
        List<CommandSpec> specs = new ArrayList<>(ConnectionCommands.all());
        specs.add(get);
        specs.add(CommandSpec.of("nullreply", 1, "server", Set.of(), (args, ctx) -> null));
        return new CommandTable(specs);
    }

    private String run(String input, String password) throws IOException {
        return run(input, password, new ByteArrayOutputStream());
    }

    private String run(String input, String password, OutputStream out) throws IOException {
        CommandTable table = table();
        ClientSession session = new ClientSession(clients.nextId(), "127.0.0.1:1", "127.0.0.1:2", clock.millis(),
                password == null, () -> { }, () -> { });
        Dispatcher dispatcher = new Dispatcher(table, stats);
        ServerState view = new ServerState(password, table, stats, clients, new ConfigParams(), clock, () -> 6379,
                dispatcher, new ExecutionGate(), () -> 5000, new io.goredis.command.Waiters(null, 0));
        var ctx = new SessionContext(store, clock, session, new Counters(), view, false);
        new SessionHandler(session, new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), out,
                dispatcher, ctx).run();
        return out.toString();
    }

    @Test
    void get_absentKey() throws IOException {
        when(store.get(anyInt(), any())).thenReturn(Optional.empty());
        assertEquals("$-1\r\n", run("GET k\r\n", null));
    }

    @Test
    void storeThrowsRuntimeException_errReplyAndSessionStaysOpen() throws IOException {
        when(store.get(anyInt(), any())).thenThrow(new IllegalStateException("disk on fire"));
        assertEquals("-ERR disk on fire\r\n+PONG\r\n", run("GET k\r\nPING\r\n", null));
        assertEquals(1, stats.command("get").failed.sum());
    }

    @Test
    void storeThrowsWithoutMessage_errNamesTheException() throws IOException {
        when(store.get(anyInt(), any())).thenThrow(new NullPointerException());
        assertEquals("-ERR NullPointerException\r\n+PONG\r\n", run("GET k\r\nPING\r\n", null));
    }

    @Test
    void storeException_messageSentAsIs() throws IOException {
        when(store.get(anyInt(), any())).thenThrow(new StoreException("ERR DynamoDB unreachable: timeout"));
        assertEquals("-ERR DynamoDB unreachable: timeout\r\n+PONG\r\n", run("GET k\r\nPING\r\n", null));
    }

    @Test
    void commandReturningNull_errReply() throws IOException {
        assertEquals("-ERR command 'nullreply' returned no reply\r\n", run("NULLREPLY\r\n", null));
    }

    @Test
    void pipeline_oneWriteForTheBatch() throws IOException {
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
                sink.write(b, off, len);
            }
        };
        run("PING\r\n".repeat(50), null, counting);
        assertEquals("+PONG\r\n".repeat(50), sink.toString(StandardCharsets.US_ASCII));
        assertEquals(List.of(350), writes);
    }

    @Test
    void protocolError_afterEarlierReplies() throws IOException {
        assertEquals("+PONG\r\n-ERR Protocol error: invalid bulk length\r\n", run("PING\r\n*1\r\n$x\r\nPING\r\n", null));
    }

    @Test
    void quit_stopsReading() throws IOException {
        assertEquals("+OK\r\n", run("QUIT\r\nPING\r\n", null));
    }

    @Test
    void noauth_untilAuth() throws IOException {
        assertEquals("-NOAUTH Authentication required.\r\n+OK\r\n$-1\r\n",
                runWithEmptyStore("GET k\r\nAUTH pw\r\nGET k\r\n", "pw"));
        assertEquals(1, stats.command("get").rejected.sum());
        assertEquals(1, stats.command("get").calls.sum());
    }

    private String runWithEmptyStore(String input, String password) throws IOException {
        when(store.get(anyInt(), any())).thenReturn(Optional.empty());
        return run(input, password);
    }

    @Test
    void unknownCommand_argsTruncatedAt128Bytes() throws IOException {
        String arg = "a".repeat(200);
        String reply = run("FOO " + arg + " b\r\n", null);
        assertEquals("-ERR unknown command 'FOO', with args beginning with: '" + "a".repeat(128) + "' \r\n", reply);
    }

    @Test
    void unknownCommand_newlinesInArgsBecomeSpaces() throws IOException {
        assertEquals("-ERR unknown command 'FOO', with args beginning with: 'a  b' \r\n",
                run("*2\r\n$3\r\nFOO\r\n$4\r\na\r\nb\r\n", null));
    }

    @Test
    void resp3_afterHello() throws IOException {
        when(store.get(anyInt(), any())).thenReturn(Optional.empty());
        String out = run("HELLO 3\r\nGET k\r\n", null);
        assertTrue(out.startsWith("%7\r\n"), out);
        assertTrue(out.endsWith("_\r\n"), out);
    }

    @Test
    void protectedMode_decision() throws IOException {
        InetAddress remote = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
        InetAddress loopback = InetAddress.getLoopbackAddress();
        assertTrue(Server.deniedByProtectedMode(true, false, remote));
        assertFalse(Server.deniedByProtectedMode(true, false, loopback));
        assertFalse(Server.deniedByProtectedMode(true, true, remote));
        assertFalse(Server.deniedByProtectedMode(false, false, remote));
        assertTrue(new String(Server.DENIED, StandardCharsets.US_ASCII).startsWith("-DENIED Redis is running in protected mode"));
    }
}
