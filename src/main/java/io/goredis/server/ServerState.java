package io.goredis.server;

import io.goredis.command.ClientInfo;
import io.goredis.command.CommandTable;
import io.goredis.command.ConfigParams;
import io.goredis.command.ExecutionGate;
import io.goredis.command.Invoker;
import io.goredis.command.ServerStats;
import io.goredis.command.ServerView;
import io.goredis.command.Session;
import io.goredis.command.Waiters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/** The {@link ServerView} commands see: password check, table, stats, clients, config, port. */
final class ServerState implements ServerView {

    private final byte[] passwordDigest; // null when no password
    private final CommandTable table;
    private final ServerStats stats;
    private final ClientRegistry clients;
    private final ConfigParams config;
    private final Clock clock;
    private final IntSupplier port;
    private final String runId;
    private final Invoker invoker;
    private final ExecutionGate gate;
    private final LongSupplier busyMillis;
    private final Waiters waiters;

    ServerState(String password, CommandTable table, ServerStats stats, ClientRegistry clients,
                ConfigParams config, Clock clock, IntSupplier port, Invoker invoker, ExecutionGate gate,
                LongSupplier busyMillis, Waiters waiters) {
        this.waiters = waiters;
        this.invoker = invoker;
        this.gate = gate;
        this.busyMillis = busyMillis;
        this.passwordDigest = password == null ? null : sha256(password.getBytes(StandardCharsets.UTF_8));
        this.table = table;
        this.stats = stats;
        this.clients = clients;
        this.config = config;
        this.clock = clock;
        this.port = port;
        byte[] id = new byte[20];
        ThreadLocalRandom.current().nextBytes(id);
        this.runId = HexFormat.of().formatHex(id);
    }

    @Override
    public boolean requiresPassword() {
        return passwordDigest != null;
    }

    /** Compares digests, so neither the content nor the length of the password leaks through timing. */
    @Override
    public boolean checkPassword(byte[] candidate) {
        return passwordDigest != null && MessageDigest.isEqual(passwordDigest, sha256(candidate));
    }

    @Override
    public CommandTable commands() {
        return table;
    }

    @Override
    public ServerStats stats() {
        return stats;
    }

    @Override
    public ConfigParams config() {
        return config;
    }

    @Override
    public List<ClientInfo> clients() {
        return clients.snapshot(clock.millis());
    }

    @Override
    public int kill(Predicate<ClientInfo> which, Session caller) {
        return clients.kill(which, caller.id(), clock.millis());
    }

    @Override
    public int port() {
        return port.getAsInt();
    }

    @Override
    public Invoker invoker() {
        return invoker;
    }

    @Override
    public ExecutionGate gate() {
        return gate;
    }

    @Override
    public long busyReplyThresholdMillis() {
        return busyMillis.getAsLong();
    }

    @Override
    public Waiters waiters() {
        return waiters;
    }

    @Override
    public String runId() {
        return runId;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
