package io.goredis;

import io.goredis.config.Config;
import io.goredis.server.Server;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocalExtension;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Real goredis servers (127.0.0.1, port 0) sharing one DynamoDB Local table, each built exactly as
 * {@code --store dynamodb} or {@code --store caching} builds it, for tests of what clients of a
 * fleet see. A caching node is returned once it follows the table's stream.
 *
 * <pre>
 *   &#64;RegisterExtension
 *   static final DynamoDbLocalExtension dynamo = new DynamoDbLocalExtension();
 *   private Fleet fleet;
 *   &#64;BeforeEach void start() { dynamo.truncate(dynamo.table()); fleet = new Fleet(dynamo); }
 *   &#64;AfterEach void stop() { fleet.close(); }
 *   ... Fleet.Node a = fleet.start("dynamodb"), b = fleet.start("caching");
 * </pre>
 */
public final class Fleet implements AutoCloseable {

    /** How long a caching node may take to follow the stream, or to see another node's write. */
    public static final Duration CONVERGENCE = Duration.ofSeconds(15);
    /** Socket timeout of the Jedis clients handed out: generous, CI machines can be slow. */
    public static final int CLIENT_TIMEOUT_MILLIS = 20_000;

    private final DynamoDbLocalExtension dynamo;
    private final String table;
    private final List<Node> nodes = new ArrayList<>();

    /** A fleet on the extension's table of this test class. */
    public Fleet(DynamoDbLocalExtension dynamo) {
        this(dynamo, dynamo.table());
    }

    public Fleet(DynamoDbLocalExtension dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Starts a node with {@code --store <store>} ({@code dynamodb} or {@code caching}) on the table. */
    public synchronized Node start(String store, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--bind", "127.0.0.1", "--store", store,
                "--table", table, "--dynamodb-endpoint", dynamo.endpoint().toString()));
        if (store.equals("caching")) {
            args.addAll(List.of("--poll-interval", "20", "--cache-max-memory", "16mb"));
        }
        args.addAll(List.of(extra));
        Config config = Config.parse(args.toArray(String[]::new), Map.of());
        Store backend = StoreFactory.create(config, Clock.systemUTC());
        Server server;
        try {
            server = Server.start(config, backend, Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            backend.close();
            throw e;
        }
        Node node = new Node(store, server, backend);
        nodes.add(node);
        if (store.equals("caching")) {
            try (Jedis j = node.jedis()) {
                Await.until(CONVERGENCE, () -> j.info("store").contains("cache_coherent:1"),
                        () -> "node " + node + " never followed the stream");
            }
        }
        return node;
    }

    /** Stops every node still running (servers first, then their stores). */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Node n : List.copyOf(nodes)) {
            try {
                n.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** One running goredis server of the fleet. */
    public final class Node implements AutoCloseable {
        private final String store;
        private final Server server;
        private final Store backend;
        private final int port;
        private boolean closed;

        private Node(String store, Server server, Store backend) {
            this.store = store;
            this.server = server;
            this.backend = backend;
            this.port = server.port();
        }

        public int port() {
            return port;
        }

        /** {@code dynamodb} or {@code caching}. */
        public String store() {
            return store;
        }

        /** Whether reads of another node's writes may lag (the caching store). */
        public boolean caching() {
            return store.equals("caching");
        }

        /** A new Jedis client (RESP2, as Jedis speaks by default) on this node; close it. */
        public Jedis jedis() {
            return new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                    .timeoutMillis(CLIENT_TIMEOUT_MILLIS).serverDefaultProtocol().build());
        }

        @Override
        public void close() {
            synchronized (Fleet.this) {
                if (closed) {
                    return;
                }
                closed = true;
                nodes.remove(this);
            }
            try {
                server.close();
            } finally {
                backend.close();
            }
        }

        @Override
        public String toString() {
            return store + "@" + port;
        }
    }
}
