package io.goredis.server;

import io.goredis.command.ClientInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The connected clients by id (CLIENT LIST / KILL, INFO clients, shutdown). Thread-safe. */
final class ClientRegistry {

    private final AtomicLong nextId = new AtomicLong(1);
    private final ConcurrentSkipListMap<Long, ClientSession> sessions = new ConcurrentSkipListMap<>();

    /** CLIENT ID values: unique and increasing for this server. */
    long nextId() {
        return nextId.getAndIncrement();
    }

    void add(ClientSession s) {
        sessions.put(s.id(), s);
    }

    void remove(ClientSession s) {
        sessions.remove(s.id());
    }

    int size() {
        return sessions.size();
    }

    Collection<ClientSession> all() {
        return sessions.values();
    }

    List<ClientInfo> snapshot(long nowMillis) {
        List<ClientInfo> out = new ArrayList<>(sessions.size());
        for (ClientSession s : sessions.values()) {
            if (!s.killed()) {
                out.add(s.info(nowMillis));
            }
        }
        return out;
    }

    /** Disconnects matching clients; the caller's own session closes after its reply instead. */
    int kill(Predicate<ClientInfo> which, long callerId, long nowMillis) {
        int n = 0;
        for (ClientSession s : sessions.values()) {
            if (!s.killed() && which.test(s.info(nowMillis))) {
                n++;
                if (s.id() == callerId) {
                    s.closeAfterReply();
                } else {
                    s.disconnect();
                }
            }
        }
        return n;
    }
}
