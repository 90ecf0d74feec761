package io.goredis.command;

import java.util.concurrent.atomic.LongAdder;

/** Keyspace statistics for INFO stats, shared by all sessions of one server. */
public final class Counters {
    public final LongAdder keyspaceHits = new LongAdder();
    public final LongAdder keyspaceMisses = new LongAdder();

    public void hit(boolean found) {
        (found ? keyspaceHits : keyspaceMisses).increment();
    }
}
