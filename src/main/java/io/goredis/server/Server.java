package io.goredis.server;

import io.goredis.command.CommandTable;
import io.goredis.command.ConfigParams;
import io.goredis.command.Counters;
import io.goredis.command.ExecutionGate;
import io.goredis.command.ServerStats;
import io.goredis.command.Waiters;
import io.goredis.config.Config;
import io.goredis.store.Isolation;
import io.goredis.store.RemoteWrites;
import io.goredis.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP server: binds at construction (port 0 picks a free port, see {@link #port()}), accepts on a
 * named thread, and serves each connection with a {@link SessionHandler} on its own thread: a platform
 * thread for the first {@code --platform-threads} concurrent sessions, a virtual thread beyond
 * ({@link SessionThreads} says why).
 *
 * <p>A permit of a {@link Semaphore} sized by {@code maxclients} is taken for each connection; a
 * client arriving when none is left gets {@code -ERR max number of clients reached} and is closed.
 * With no password and protected mode on, non-loopback clients get Redis's {@code -DENIED} text.
 *
 * <p>{@link #close()} stops accepting, lets every session finish the command in flight and send its
 * reply, closes the sessions, and waits a bounded time for them. It does not close the store: the
 * caller built it and closes it after the server.
 */
public final class Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Server.class);

    static final byte[] MAX_CLIENTS = "-ERR max number of clients reached\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DENIED = ("-DENIED Redis is running in protected mode because protected mode is enabled and "
            + "no password is set for the default user. In this mode connections are only accepted from the loopback "
            + "interface. If you want to connect from external computers to Redis you may adopt one of the following "
            + "solutions: 1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the "
            + "loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE "
            + "Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change "
            + "permanent. 2) Alternatively you can just disable the protected mode by editing the Redis configuration "
            + "file, and setting the protected mode option to 'no', and then restarting the server. 3) If you started "
            + "the server manually just for testing, restart it with the '--protected-mode no' option. 4) Setup a an "
            + "authentication password for the default user. NOTE: You only need to do one of the above things in "
            + "order for the server to start accepting connections from the outside.\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** How long {@link #close()} waits for sessions to finish their command in flight. */
    static final long SHUTDOWN_GRACE_MILLIS = 3000;

    private final Config config;
    private final Store store;
    private final Clock clock;
    private final ServerSocket listener;
    private final Permits permits;
    private final SessionThreads sessions;
    private final ClientRegistry clients = new ClientRegistry();
    private final ServerStats stats;
    private final Counters counters = new Counters();
    private final Dispatcher dispatcher;
    private final CommandTable table;
    private final ExecutionGate gate;
    private final Waiters waiters;
    private volatile long busyReplyThresholdMillis = 5000;
    private final ServerState view;
    private final Thread acceptor;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean protectedMode;
    private volatile int maxClients;

    private Server(Config config, Store store, Clock clock, CommandTable table) throws IOException {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.protectedMode = config.protectedMode();
        this.maxClients = config.maxClients();
        this.permits = new Permits(config.maxClients());
        this.stats = new ServerStats(clock.millis());
        this.table = table;
        this.gate = new ExecutionGate();
        gate.busyThreshold(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(busyReplyThresholdMillis));
        // a store whose other nodes' writes reach no local hook is re-checked once a second (interim)
        this.waiters = new Waiters(gate, store.isolation() == Isolation.SERIAL || store instanceof RemoteWrites ? 0 : 1000);
        if (store instanceof RemoteWrites remote) {
            remote.onRemoteWrite(waiters::signal);
        }
        this.dispatcher = new Dispatcher(table, stats, store.isolation() == Isolation.SERIAL, gate,
                () -> busyReplyThresholdMillis, waiters);
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        InetSocketAddress address = config.bind() == null
                ? new InetSocketAddress(config.port())
                : new InetSocketAddress(InetAddress.getByName(config.bind()), config.port());
        listener.bind(address, 511);
        this.view = new ServerState(config.password(), table, stats, clients, configParams(), clock, this::port,
                dispatcher, gate, () -> busyReplyThresholdMillis, waiters);
        this.sessions = new SessionThreads(config.platformThreads());
        this.acceptor = Thread.ofPlatform().name("goredis-accept").daemon(false).unstarted(this::acceptLoop);
    }

    /** Binds and starts accepting with the standard command table. */
    public static Server start(Config config, Store store, Clock clock) throws IOException {
        return start(config, store, clock, CommandTable.standard());
    }

    /** Binds and starts accepting, serving the commands of {@code table}. */
    public static Server start(Config config, Store store, Clock clock, CommandTable table) throws IOException {
        Server server = new Server(config, store, clock, table);
        server.acceptor.start();
        return server;
    }

    /** The bound port (the real one when configured with 0). */
    public int port() {
        return listener.getLocalPort();
    }

    /** The store this server serves (for banners and tests). */
    public Store store() {
        return store;
    }

    /** Number of connected clients. */
    public int connectedClients() {
        return clients.size();
    }

    /** Connection slots left before maxclients is reached. */
    int freeSlots() {
        return permits.availablePermits();
    }

    /** Blocks until {@link #close()} has completed. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private ConfigParams configParams() {
        return new ConfigParams()
                .add("maxclients", () -> Integer.toString(maxClients), ConfigParams.integer(1, 4294967295L, v -> {
                    int n = (int) Math.min(v, Integer.MAX_VALUE);
                    permits.resize(maxClients, n);
                    maxClients = n;
                }))
                .add("port", () -> Integer.toString(port()), null)
                .add("bind", () -> config.bind() == null ? "* -::*" : config.bind(), null)
                .add("protected-mode", () -> protectedMode ? "yes" : "no", ConfigParams.bool(v -> protectedMode = v))
                .add("requirepass", () -> config.password() == null ? "" : config.password(), null)
                .add("busy-reply-threshold", () -> Long.toString(busyReplyThresholdMillis),
                        ConfigParams.integer(0, Long.MAX_VALUE, this::busyReplyThreshold))
                .add("lua-time-limit", () -> Long.toString(busyReplyThresholdMillis),
                        ConfigParams.integer(0, Long.MAX_VALUE, this::busyReplyThreshold))
                .constant("databases", Integer.toString(store.databases()))
                .constant("save", "")
                .constant("appendonly", "no")
                .constant("timeout", "0")
                .constant("maxmemory", "0")
                .constant("maxmemory-policy", "noeviction")
                .constant("proto-max-bulk-len", Long.toString(io.goredis.protocol.RequestReader.DEFAULT_MAX_BULK));
    }

    private void busyReplyThreshold(long millis) {
        busyReplyThresholdMillis = millis;
        gate.busyThreshold(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(Math.min(millis, Long.MAX_VALUE / 1_000_000)));
    }

    private void acceptLoop() {
        while (!stopping) {
            boolean admitted = permits.tryAcquire();
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (admitted) {
                    permits.release();
                }
                if (!stopping) {
                    log.warn("accept failed: {}", e.toString());
                }
                continue;
            }
            if (!admitted) {
                admitted = permits.tryAcquire(); // a session may have ended while we waited
            }
            boolean hasPermit = admitted;
            try {
                sessions.execute(() -> serve(socket, hasPermit));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down: the executor no longer takes sessions
                closeQuietly(socket);
                if (hasPermit) {
                    permits.release();
                }
            }
        }
    }

    private void serve(Socket socket, boolean hasPermit) {
        try (socket) {
            if (!hasPermit) {
                stats.rejectedConnections.increment();
                refuse(socket, MAX_CLIENTS);
                return;
            }
            if (deniedByProtectedMode(protectedMode, config.requiresPassword(), socket.getInetAddress())) {
                refuse(socket, DENIED);
                return;
            }
            stats.connectionsReceived.increment();
            socket.setTcpNoDelay(true);
            long id = clients.nextId();
            ClientSession session = new ClientSession(id, hostPort(socket.getRemoteSocketAddress()),
                    hostPort(socket.getLocalSocketAddress()), clock.millis(), !config.requiresPassword(),
                    () -> {
                        closeQuietly(socket);
                        waiters.disconnected(id);
                    }, () -> {
                        stopReading(socket);
                        waiters.disconnected(id);
                    });
            PushbackInputStream input = new PushbackInputStream(socket.getInputStream(), 1);
            session.probe(() -> connected(socket, input));
            clients.add(session);
            try {
                if (stopping) {
                    return;
                }
                var ctx = new SessionContext(store, clock, session, counters, view, false);
                new SessionHandler(session, input, socket.getOutputStream(), dispatcher, ctx).run();
            } finally {
                clients.remove(session);
            }
        } catch (SocketException e) {
            log.debug("connection ended: {}", e.toString());
        } catch (IOException e) {
            log.debug("connection failed: {}", e.toString());
        } catch (RuntimeException e) {
            log.error("session failed", e);
        } finally {
            if (hasPermit) {
                permits.release();
            }
        }
    }

    /** Redis's protected mode: no password set, protected mode on, and the client is not on loopback. */
    static boolean deniedByProtectedMode(boolean protectedMode, boolean requiresPassword, InetAddress client) {
        return protectedMode && !requiresPassword && !client.isLoopbackAddress();
    }

    private static void refuse(Socket socket, byte[] message) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(message);
        out.flush();
    }

    private static String hostPort(java.net.SocketAddress address) {
        if (address instanceof InetSocketAddress a) {
            String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
            return host + ":" + a.getPort();
        }
        return String.valueOf(address);
    }

    /**
     * Whether the client of a blocked session is still there: a read of at most 1 ms; a byte that
     * arrives (the client pipelined its next command) is pushed back for the session to read.
     * Called by the session's own thread only, while its command waits.
     */
    private static boolean connected(Socket socket, PushbackInputStream input) {
        try {
            if (input.available() > 0) {
                return true;
            }
            socket.setSoTimeout(1);
            int b = input.read();
            if (b < 0) {
                return false;
            }
            input.unread(b);
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                socket.setSoTimeout(0);
            } catch (IOException ignored) {
                // closed: the session's next read ends it
            }
        }
    }

    private static void stopReading(Socket socket) {
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed: nothing to release
        }
    }

    /**
     * Graceful stop: no new connections, every session finishes its command in flight and sends
     * the reply, then its connection closes. Bounded: sessions still running after
     * {@value #SHUTDOWN_GRACE_MILLIS} ms are cut off with a warning. Idempotent.
     */
    @Override
    public void close() {
        if (stopping) {
            awaitQuietly();
            return;
        }
        stopping = true;
        try {
            listener.close();
        } catch (IOException e) {
            log.warn("closing the listener: {}", e.toString());
        }
        try {
            acceptor.join(SHUTDOWN_GRACE_MILLIS);
            for (ClientSession s : clients.all()) {
                s.stopReading();
            }
            sessions.shutdown();
            if (!sessions.awaitTermination(SHUTDOWN_GRACE_MILLIS)) {
                log.warn("{} sessions still busy after {} ms; closing them", clients.size(), SHUTDOWN_GRACE_MILLIS);
                clients.all().forEach(ClientSession::disconnect);
                sessions.shutdownNow();
                sessions.awaitTermination(SHUTDOWN_GRACE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clients.all().forEach(ClientSession::disconnect);
            sessions.shutdownNow();
        } finally {
            try {
                table.close();
            } catch (RuntimeException e) {
                log.warn("closing the command table: {}", e.toString());
            }
            closed.countDown();
        }
    }

    private void awaitQuietly() {
        try {
            closed.await(2 * SHUTDOWN_GRACE_MILLIS + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A semaphore whose size CONFIG SET maxclients can change. */
    private static final class Permits extends Semaphore {
        Permits(int n) {
            super(n);
        }

        void resize(int from, int to) {
            if (to > from) {
                release(to - from);
            } else if (to < from) {
                reducePermits(from - to);
            }
        }
    }
}
