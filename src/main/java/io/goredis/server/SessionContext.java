package io.goredis.server;

import io.goredis.command.Context;
import io.goredis.command.Counters;
import io.goredis.command.ServerView;
import io.goredis.command.Session;
import io.goredis.store.Store;
import java.time.Clock;

/** The {@link Context} a session's commands run with: one per connection, built once. */
record SessionContext(Store store, Clock clock, Session session, Counters counters, ServerView server)
        implements Context {}
