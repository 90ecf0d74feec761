package io.goredis.server;

import io.goredis.command.Context;
import io.goredis.command.Counters;
import io.goredis.command.ServerView;
import io.goredis.command.Session;
import io.goredis.store.Store;
import java.time.Clock;

/**
 * The {@link Context} a session's commands run with: one per connection, built once; a transaction
 * or script gets a copy with its own store ({@link #forTransaction}).
 */
record SessionContext(Store store, Clock clock, Session session, Counters counters, ServerView server,
                      boolean inTransaction) implements Context {

    @Override
    public Context forTransaction(Store store) {
        return new SessionContext(store, clock, session, counters, server, true);
    }

    @Override
    public Context withSession(Session session) {
        return new SessionContext(store, clock, session, counters, server, inTransaction);
    }
}
