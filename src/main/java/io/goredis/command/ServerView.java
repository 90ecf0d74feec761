package io.goredis.command;

import java.util.List;
import java.util.function.Predicate;

/**
 * What server and connection commands (INFO, CONFIG, CLIENT, COMMAND, AUTH, HELLO) need from the
 * running server. Implemented by the server package; the command layer never depends on it directly.
 * Methods beyond the first three have defaults so that command unit tests can use a minimal view.
 */
public interface ServerView {

    /** The Redis version goredis speaks (HELLO, INFO). */
    String REDIS_VERSION = "7.0.15";

    /** True if a password is configured (REDIS_PASSWORD). */
    boolean requiresPassword();

    /** Constant-time comparison with the configured password. */
    boolean checkPassword(byte[] candidate);

    /** The command table, for COMMAND and for validating names. */
    CommandTable commands();

    /** Server-wide counters (INFO stats / commandstats). */
    default ServerStats stats() {
        return new ServerStats(0);
    }

    /** CONFIG GET / SET parameters. */
    default ConfigParams config() {
        return new ConfigParams();
    }

    /** Snapshots of the connected clients, by increasing id. */
    default List<ClientInfo> clients() {
        return List.of();
    }

    /**
     * Disconnects every client matching {@code which}; the caller's own connection (id
     * {@code callerId}) is closed only after the current reply is written. Returns how many.
     */
    default int kill(Predicate<ClientInfo> which, Session caller) {
        return 0;
    }

    /** The port the server listens on (INFO tcp_port). */
    default int port() {
        return 0;
    }

    /** Runs commands for EXEC and scripts (the server's dispatcher). */
    default Invoker invoker() {
        throw new UnsupportedOperationException("this server view runs no nested commands");
    }

    /** The node's gate that lets a transaction or script run alone on a SERIAL store. */
    default ExecutionGate gate() {
        throw new UnsupportedOperationException("this server view has no execution gate");
    }

    /** {@code busy-reply-threshold}: after how long a running script makes other clients get -BUSY. */
    default long busyReplyThresholdMillis() {
        return 5000;
    }

    /**
     * This node's clients blocked in BLPOP and the other blocking list commands. The default (a
     * minimal view in unit tests) is a new empty registry on each call: nobody is ever blocked.
     */
    default Waiters waiters() {
        return new Waiters(null, 0);
    }

    /** A random 40-hex-character id of this server process (INFO run_id). */
    default String runId() {
        return "0000000000000000000000000000000000000000";
    }
}
