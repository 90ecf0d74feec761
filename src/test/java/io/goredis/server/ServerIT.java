package io.goredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real server on port 0, driven with raw RESP and inline bytes; replies compared byte for byte. */
class ServerIT {

    @RegisterExtension
    static final GoRedisServerExtension goredis = new GoRedisServerExtension();

    @Test
    void ping_inlineAndMultibulk() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+PONG\r\n", c.send("PING\r\n").readReply());
            assertEquals("+PONG\r\n", c.send("*1\r\n$4\r\nping\r\n").readReply());
            assertEquals("$5\r\nhello\r\n", c.call("PING", "hello"));
        }
    }

    @Test
    void inline_quotedArguments() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("$3\r\nb c\r\n", c.send("ECHO \"b c\"\r\n").readReply());
            assertEquals("$3\r\na\nA\r\n", c.send("echo \"a\\n\\x41\"\n").readReply());
            assertEquals("$4\r\nit's\r\n", c.send("echo 'it\\'s'\r\n").readReply());
        }
    }

    @Test
    void setThenGet_quotedValueOverRawSocket() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+OK\r\n", c.send("SET a \"b c\"\r\n").readReply());
            assertEquals("$3\r\nb c\r\n", c.send("GET a\r\n").readReply());
        }
    }

    @Test
    void inline_emptyLinesIgnored() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+PONG\r\n", c.send("\r\n\n   \r\nPING\r\n").readReply());
        }
    }

    @Test
    void pipeline_answeredInOrder() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            c.send("PING\r\n*2\r\n$4\r\necho\r\n$1\r\na\r\nECHO b\r\n*1\r\n$4\r\nPING\r\n");
            assertEquals("+PONG\r\n", c.readReply());
            assertEquals("$1\r\na\r\n", c.readReply());
            assertEquals("$1\r\nb\r\n", c.readReply());
            assertEquals("+PONG\r\n", c.readReply());
        }
    }

    @Test
    void frame_splitAcrossPackets() throws IOException, InterruptedException {
        try (RawClient c = goredis.rawClient()) {
            for (String part : new String[] {"*2\r", "\n$4\r\nec", "ho\r\n$3", "\r\nabc", "\r", "\n"}) {
                c.send(part);
                Thread.yield();
            }
            assertEquals("$3\r\nabc\r\n", c.readReply());
        }
    }

    @Test
    void unknownCommand_redisText() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR unknown command 'FOO', with args beginning with: 'x' \r\n", c.send("FOO x\r\n").readReply());
            assertEquals("-ERR unknown command 'foo', with args beginning with: \r\n", c.send("foo\r\n").readReply());
            assertEquals("+PONG\r\n", c.send("PING\r\n").readReply());
        }
    }

    @Test
    void wrongArity_redisText() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR wrong number of arguments for 'echo' command\r\n", c.call("ECHO"));
            assertEquals("-ERR wrong number of arguments for 'client|setname' command\r\n", c.call("client", "setname"));
            assertEquals("-ERR wrong number of arguments for 'client' command\r\n", c.call("CLIENT"));
        }
    }

    @Test
    void unknownSubcommand_redisText() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR unknown subcommand 'foo'. Try CLIENT HELP.\r\n", c.call("client", "foo"));
        }
    }

    @Test
    void protocolError_repliesThenCloses() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR Protocol error: invalid multibulk length\r\n", c.send("*x\r\n").readReply());
            assertTrue(c.closedByServer());
        }
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR Protocol error: expected '$', got 'x'\r\n", c.send("*1\r\nx\r\n").readReply());
            assertTrue(c.closedByServer());
        }
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR Protocol error: unbalanced quotes in request\r\n", c.send("ECHO \"a\r\n").readReply());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void quit_okThenClose() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+OK\r\n", c.send("QUIT\r\nPING\r\n").readReply());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void hello3_switchesToResp3() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            String id = c.call("CLIENT", "ID").substring(1).trim();
            String hello = c.call("HELLO", "3");
            assertEquals("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n"
                    + "$2\r\nid\r\n:" + id + "\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n"
                    + "$7\r\nmodules\r\n*0\r\n", hello);
            assertEquals("_\r\n", c.call("CLIENT", "GETNAME"));
            assertEquals("-NOPROTO unsupported protocol version\r\n", c.call("HELLO", "4"));
        }
    }

    @Test
    void select_outOfRange() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+OK\r\n", c.call("SELECT", "15"));
            assertEquals("-ERR DB index is out of range\r\n", c.call("SELECT", "16"));
            assertEquals("-ERR value is not an integer or out of range\r\n", c.call("SELECT", "x"));
        }
    }

    @Test
    void auth_withoutPasswordConfigured() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?\r\n", c.call("AUTH", "x"));
            assertEquals("+OK\r\n", c.call("AUTH", "default", "anything"));
            assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n", c.call("AUTH", "bob", "x"));
        }
    }

    @Test
    void clientReply_offSkipOn() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            c.command("CLIENT", "REPLY", "OFF").command("ECHO", "silent").command("CLIENT", "REPLY", "SKIP");
            assertEquals("+OK\r\n", c.call("CLIENT", "REPLY", "ON"));
            c.command("CLIENT", "REPLY", "SKIP").command("ECHO", "skipped");
            assertEquals("$4\r\nseen\r\n", c.call("ECHO", "seen"));
            assertEquals("-ERR syntax error\r\n", c.call("CLIENT", "REPLY", "maybe"));
        }
    }

    @Test
    void clientKill_otherConnection() throws IOException {
        try (RawClient victim = goredis.rawClient(); RawClient killer = goredis.rawClient()) {
            String id = victim.call("CLIENT", "ID").substring(1).trim();
            assertEquals(":1\r\n", killer.call("CLIENT", "KILL", "ID", id));
            assertTrue(victim.closedByServer());
            assertEquals(":0\r\n", killer.call("CLIENT", "KILL", "ID", id));
        }
    }

    @Test
    void clientList_showsNameAndCommand() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+OK\r\n", c.call("CLIENT", "SETNAME", "me"));
            String info = c.call("CLIENT", "INFO");
            assertTrue(info.contains(" name=me "), info);
            assertTrue(info.contains(" cmd=client|info "), info);
            assertTrue(c.call("CLIENT", "LIST").contains(" name=me "));
        }
    }
}
