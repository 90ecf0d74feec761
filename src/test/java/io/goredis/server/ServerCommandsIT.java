package io.goredis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** INFO, CONFIG, COMMAND, TIME and CLIENT over a socket, RESP2 and RESP3. */
class ServerCommandsIT {

    @RegisterExtension
    final GoRedisServerExtension goredis = new GoRedisServerExtension();

    @Test
    void info_defaultSections() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            String info = c.call("INFO");
            for (String field : new String[] {"# Server\r\n", "redis_version:7.0.15\r\n", "redis_mode:standalone\r\n",
                    "tcp_port:" + goredis.port() + "\r\n", "uptime_in_seconds:", "# Clients\r\nconnected_clients:1\r\n",
                    "maxclients:10000\r\n", "# Memory\r\nused_memory:", "used_memory_human:", "# Stats\r\n",
                    "total_connections_received:", "total_commands_processed:", "keyspace_hits:0\r\n",
                    "keyspace_misses:0\r\n", "# Persistence\r\nloading:0", "# Replication\r\nrole:master",
                    "# CPU\r\n", "# Cluster\r\ncluster_enabled:0\r\n", "# Keyspace\r\n"}) {
                assertTrue(info.contains(field), field + " in " + info);
            }
            assertFalse(info.contains("# Commandstats"));
            assertTrue(info.startsWith("$"));
            assertTrue(info.endsWith("\r\n\r\n"), "sections end with CRLF and the bulk with another");
        }
    }

    @Test
    void info_keyspaceAndCommandstats() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("+OK\r\n", c.call("SET", "k", "v"));
            assertEquals("+OK\r\n", c.call("SET", "t", "v", "EX", "100"));
            c.call("GET", "k");
            c.call("GET", "nope");
            c.call("ECHO");
            String ks = c.call("INFO", "keyspace");
            assertEquals("$44\r\n# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=0\r\n\r\n", ks);
            String stats = c.call("INFO", "commandstats", "stats");
            assertTrue(stats.contains("cmdstat_set:calls=2,usec="), stats);
            assertTrue(stats.contains("cmdstat_echo:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1,failed_calls=0\r\n"), stats);
            assertTrue(stats.contains("keyspace_hits:1\r\nkeyspace_misses:1\r\n"), stats);
            assertTrue(c.call("INFO", "everything").contains("# Commandstats"));
            assertEquals("$0\r\n\r\n", c.call("INFO", "nosuchsection"));
            assertEquals("+OK\r\n", c.call("CONFIG", "RESETSTAT"));
            assertFalse(c.call("INFO", "commandstats").contains("cmdstat_set"));
        }
    }

    @Test
    void info_resp3Verbatim() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            c.call("HELLO", "3");
            assertEquals("=34\r\ntxt:# Cluster\r\ncluster_enabled:0\r\n\r\n", c.call("INFO", "cluster"));
        }
    }

    @Test
    void configGet_globAndMaps() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("*2\r\n$10\r\nmaxclients\r\n$5\r\n10000\r\n", c.call("CONFIG", "GET", "maxclients"));
            assertEquals("*2\r\n$10\r\nmaxclients\r\n$5\r\n10000\r\n", c.call("CONFIG", "GET", "MAXCLI*"));
            assertEquals("*0\r\n", c.call("CONFIG", "GET", "nosuch"));
            assertEquals("*4\r\n$4\r\nsave\r\n$0\r\n\r\n$10\r\nappendonly\r\n$2\r\nno\r\n", c.call("CONFIG", "GET", "save", "appendonly"));
            assertTrue(c.call("CONFIG", "GET", "*").contains("$9\r\ndatabases\r\n$2\r\n16\r\n"));
            c.call("HELLO", "3");
            assertEquals("%1\r\n$4\r\nport\r\n$" + Integer.toString(goredis.port()).length() + "\r\n" + goredis.port() + "\r\n",
                    c.call("CONFIG", "GET", "port"));
            assertEquals("%0\r\n", c.call("CONFIG", "GET", "nosuch"));
        }
    }

    @Test
    void configSet_errorsAsRedis() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("-ERR Unknown option or number of arguments for CONFIG SET - 'foo'\r\n", c.call("CONFIG", "SET", "foo", "1"));
            assertEquals("-ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config\r\n",
                    c.call("CONFIG", "SET", "databases", "3"));
            assertEquals("-ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument couldn't be parsed into an integer\r\n",
                    c.call("CONFIG", "SET", "maxclients", "abc"));
            assertEquals("-ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument must be between 1 and 4294967295 inclusive\r\n",
                    c.call("CONFIG", "SET", "maxclients", "0"));
            assertEquals("-ERR CONFIG SET failed (possibly related to argument 'protected-mode') - argument must be 'yes' or 'no'\r\n",
                    c.call("CONFIG", "SET", "protected-mode", "x"));
            assertEquals("-ERR CONFIG SET failed (possibly related to argument 'maxclients') - duplicate parameter\r\n",
                    c.call("CONFIG", "SET", "maxclients", "1", "maxclients", "2"));
            assertEquals("-ERR wrong number of arguments for 'config|set' command\r\n", c.call("CONFIG", "SET", "maxclients"));
            assertEquals("-ERR syntax error\r\n", c.call("CONFIG", "SET", "a", "b", "c"));
            assertEquals("+OK\r\n", c.call("CONFIG", "SET", "protected-mode", "no"));
            assertEquals("*2\r\n$14\r\nprotected-mode\r\n$2\r\nno\r\n", c.call("CONFIG", "GET", "protected-mode"));
            assertEquals("-ERR The server is running without a config file\r\n", c.call("CONFIG", "REWRITE"));
            assertTrue(c.call("CONFIG", "HELP").startsWith("*11\r\n+CONFIG <subcommand>"));
        }
    }

    @Test
    void command_infoCountListDocs() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            assertEquals("*1\r\n*10\r\n$4\r\necho\r\n:2\r\n*3\r\n+loading\r\n+stale\r\n+fast\r\n:0\r\n:0\r\n:0\r\n*2\r\n+@fast\r\n+@connection\r\n*0\r\n*0\r\n*0\r\n",
                    c.call("COMMAND", "INFO", "echo"));
            assertEquals("*1\r\n$-1\r\n", c.call("COMMAND", "INFO", "nosuch"));
            assertTrue(c.call("COMMAND", "INFO", "client|id").startsWith("*1\r\n*10\r\n$9\r\nclient|id\r\n:2\r\n"));
            assertTrue(c.call("COMMAND", "INFO", "get").contains("+readonly\r\n"));
            String count = c.call("COMMAND", "COUNT");
            int n = Integer.parseInt(count.substring(1).trim());
            assertTrue(n > 10, count);
            assertTrue(c.call("COMMAND").startsWith("*" + n + "\r\n"));
            assertTrue(c.call("COMMAND", "INFO").startsWith("*" + n + "\r\n"));
            String list = c.call("COMMAND", "LIST");
            assertTrue(list.contains("$11\r\nclient|list\r\n") && list.contains("$4\r\nping\r\n"), list);
            assertEquals("*1\r\n$4\r\necho\r\n", c.call("COMMAND", "LIST", "FILTERBY", "PATTERN", "ech*"));
            assertEquals("*0\r\n", c.call("COMMAND", "LIST", "FILTERBY", "MODULE", "x"));
            assertTrue(c.call("COMMAND", "LIST", "FILTERBY", "ACLCAT", "string").contains("$3\r\nget\r\n"));
            assertEquals("-ERR syntax error\r\n", c.call("COMMAND", "LIST", "FILTERBY", "NOPE", "x"));
            assertEquals("-ERR syntax error\r\n", c.call("COMMAND", "LIST", "x"));
            assertEquals("*2\r\n$4\r\necho\r\n*6\r\n$7\r\nsummary\r\n$14\r\nECHO (goredis)\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$10\r\nconnection\r\n",
                    c.call("COMMAND", "DOCS", "echo", "nosuch"));
            assertTrue(c.call("COMMAND", "DOCS", "client").contains("$11\r\nsubcommands\r\n"));
            assertTrue(c.call("COMMAND", "DOCS").startsWith("*" + 2 * n + "\r\n"));
            assertTrue(c.call("COMMAND", "HELP").startsWith("*17\r\n+COMMAND <subcommand>"));
        }
    }

    @Test
    void time_secondsAndMicros() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            String t = c.call("TIME");
            assertTrue(t.matches("\\*2\r\n\\$10\r\n\\d{10}\r\n\\$\\d\r\n\\d{1,6}\r\n"), t);
        }
    }

    @Test
    void client_subcommands() throws IOException {
        try (RawClient c = goredis.rawClient(); RawClient other = goredis.rawClient()) {
            assertEquals("+PONG\r\n", other.call("PING")); // registered before CLIENT LIST counts it
            assertEquals("$-1\r\n", c.call("CLIENT", "GETNAME"));
            assertEquals("-ERR Client names cannot contain spaces, newlines or special characters.\r\n", c.call("CLIENT", "SETNAME", "a b"));
            assertEquals("+OK\r\n", c.call("CLIENT", "SETINFO", "LIB-NAME", "raw"));
            assertEquals("+OK\r\n", c.call("CLIENT", "SETINFO", "lib-ver", "1.0"));
            assertEquals("-ERR Unrecognized option 'x'\r\n", c.call("CLIENT", "SETINFO", "x", "1"));
            assertEquals("-ERR lib-name cannot contain spaces, newlines or special characters.\r\n",
                    c.call("CLIENT", "SETINFO", "lib-name", "a b"));
            assertTrue(c.call("CLIENT", "INFO").contains("lib-name=raw lib-ver=1.0"));
            assertEquals("+OK\r\n", c.call("CLIENT", "NO-EVICT", "on"));
            assertEquals("+OK\r\n", c.call("CLIENT", "NO-TOUCH", "OFF"));
            assertEquals("-ERR syntax error\r\n", c.call("CLIENT", "NO-EVICT", "maybe"));
            assertEquals("$0\r\n\r\n", c.call("CLIENT", "LIST", "TYPE", "pubsub"));
            assertEquals("-ERR Unknown client type 'x'\r\n", c.call("CLIENT", "LIST", "TYPE", "x"));
            assertEquals("-ERR Invalid client ID\r\n", c.call("CLIENT", "LIST", "ID", "x"));
            String id = c.call("CLIENT", "ID").substring(1).trim();
            String mine = c.call("CLIENT", "LIST", "ID", id);
            assertTrue(mine.contains("id=" + id + " ") && mine.split("id=").length == 2, mine);
            assertEquals(2, c.call("CLIENT", "LIST", "TYPE", "normal").split("id=").length - 1);
            assertEquals("-ERR No such client\r\n", c.call("CLIENT", "KILL", "1.2.3.4:5"));
            assertEquals("-ERR client-id should be greater than 0\r\n", c.call("CLIENT", "KILL", "ID", "0"));
            assertEquals("-ERR Unknown client type 'x'\r\n", c.call("CLIENT", "KILL", "TYPE", "x"));
            assertEquals("-ERR No such user 'bob'\r\n", c.call("CLIENT", "KILL", "USER", "bob"));
            assertEquals("-ERR syntax error\r\n", c.call("CLIENT", "KILL", "ID", "1", "SKIPME", "maybe"));
            assertEquals("-ERR syntax error\r\n", c.call("CLIENT", "KILL", "ID", "1", "NOPE", "x"));
            assertEquals("-ERR syntax error\r\n", c.call("CLIENT", "KILL", "ID", "1", "TYPE"));
            assertEquals(":0\r\n", c.call("CLIENT", "KILL", "TYPE", "master"));
            assertEquals(":0\r\n", c.call("CLIENT", "KILL", "ID", id, "USER", "default"));
            String otherInfo = other.call("CLIENT", "INFO");
            String otherAddr = otherInfo.substring(otherInfo.indexOf(" addr=") + 6, otherInfo.indexOf(" laddr="));
            String laddr = otherInfo.substring(otherInfo.indexOf(" laddr=") + 7, otherInfo.indexOf(" fd="));
            assertEquals(":1\r\n", c.call("CLIENT", "KILL", "ADDR", otherAddr, "LADDR", laddr, "SKIPME", "yes"));
            assertTrue(other.closedByServer());
            assertTrue(c.call("CLIENT", "HELP").startsWith("*"));
            assertEquals("+OK\r\n", c.call("CLIENT", "KILL", c.call("CLIENT", "INFO").replaceAll("(?s).* addr=(\\S+) .*", "$1")));
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void client_killSelfWithSkipmeNo() throws IOException {
        try (RawClient c = goredis.rawClient()) {
            String id = c.call("CLIENT", "ID").substring(1).trim();
            assertEquals(":1\r\n", c.call("CLIENT", "KILL", "ID", id, "SKIPME", "no"));
            assertTrue(c.closedByServer());
        }
    }
}
