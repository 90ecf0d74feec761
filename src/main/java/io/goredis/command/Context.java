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

    /** Milliseconds since the epoch, from {@link #clock()}. */
    default long nowMillis() {
        return clock().millis();
    }
}
