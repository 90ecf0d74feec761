package io.goredis.command.txn;

import io.goredis.store.KeyRef;
import io.goredis.store.Stamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's MULTI / WATCH state, as Redis keeps it in the client ({@code c->mstate},
 * {@code c->watched_keys}, the {@code CLIENT_MULTI} and {@code CLIENT_DIRTY_EXEC} flags): the
 * commands queued since MULTI, whether a queued command was refused (EXEC then answers EXECABORT),
 * and the keys watched with the {@link Stamp} each had when WATCH read it.
 *
 * <p>Touched only by the connection's own thread; CLIENT LIST reads {@link #queued()} from others,
 * hence the volatile count.
 */
public final class TxState {

    private boolean multi;
    private boolean dirty;
    private final List<List<byte[]>> queue = new ArrayList<>();
    private volatile int queued = -1;
    private final Map<KeyRef, Stamp> watched = new LinkedHashMap<>();

    /** True between MULTI and EXEC / DISCARD. */
    public boolean inMulti() {
        return multi;
    }

    /** MULTI: start queueing. */
    public void begin() {
        multi = true;
        dirty = false;
        queue.clear();
        queued = 0;
    }

    /** Queues one command (name first). A transaction already flagged keeps nothing more, as Redis. */
    public void queue(List<byte[]> argv) {
        if (!dirty) {
            queue.add(List.copyOf(argv));
            queued = queue.size();
        }
    }

    /** A queued command was refused (unknown, wrong arity, not allowed): EXEC will answer EXECABORT. */
    public void flag() {
        dirty = true;
    }

    public boolean dirty() {
        return dirty;
    }

    /** The queued commands, in order. */
    public List<List<byte[]>> commands() {
        return Collections.unmodifiableList(queue);
    }

    /** Leaves MULTI (EXEC, DISCARD, RESET) and forgets the queue; watches stay until {@link #unwatch()}. */
    public void end() {
        multi = false;
        dirty = false;
        queue.clear();
        queued = -1;
    }

    /** Number of queued commands for CLIENT LIST's {@code multi=}, or -1 outside MULTI. */
    public int queued() {
        return queued;
    }

    /** Records WATCH of {@code key} with what it looked like; a key already watched keeps its first stamp. */
    public void watch(KeyRef key, Stamp stamp) {
        watched.putIfAbsent(key, stamp);
    }

    public boolean watching(KeyRef key) {
        return watched.containsKey(key);
    }

    /** The watched keys and their stamps (a copy). */
    public Map<KeyRef, Stamp> watched() {
        return Map.copyOf(watched);
    }

    /** Forgets every watched key (UNWATCH, EXEC, DISCARD, RESET). */
    public void unwatch() {
        watched.clear();
    }
}
