package io.goredis.command;

import io.goredis.store.Store;
import java.time.Clock;

/**
 * Everything a command may act on: the store, the clock that expiries are computed with (the same
 * clock the store judges expiry by), this session's state, and the server-wide view (stats, clients,
 * config) for the server and connection commands.
 */
public interface Context {

    Store store();

    Clock clock();

    Session session();

    Counters counters();

    ServerView server();

    /**
     * This context as the commands of a transaction or a script see it: {@code store} is the
     * transaction's view (or the store itself, run under the node's exclusive gate), and
     * {@link #inTransaction()} is true.
     */
    Context forTransaction(Store store);

    /** This context with another session: a script's commands run with the script's own session. */
    Context withSession(Session session);

    /**
     * True while running inside EXEC or a script: a nested EVAL runs inline, and blocking commands
     * do not block (Redis's behaviour inside MULTI and scripts).
     */
    default boolean inTransaction() {
        return false;
    }

    /** Milliseconds since the epoch, from {@link #clock()}. */
    default long nowMillis() {
        return clock().millis();
    }
}
