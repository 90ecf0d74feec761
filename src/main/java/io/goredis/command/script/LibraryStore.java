package io.goredis.command.script;

import io.goredis.command.CommandException;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.MetaStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps the node's function libraries ({@link Functions}) the same as the fleet's: the libraries
 * live in the store's {@link MetaStore} as one entry holding FUNCTION DUMP's payload, so they are
 * durable with the table and every node loads the same set.
 *
 * <ul>
 *   <li>A change (LOAD, DELETE, FLUSH, RESTORE) reads the stored set, applies itself to it and
 *       writes it back conditioned on the version read (one atomic update, retried on a race with
 *       another node), then installs the result locally.</li>
 *   <li>FCALL trusts the local set for up to {@value #RECHECK_MILLIS} ms, then checks the stored
 *       version again (one read); a function it does not know makes it check at once, so a library
 *       loaded on another node is callable here immediately. A library replaced or deleted elsewhere
 *       may still run here for up to that long.</li>
 *   <li>FUNCTION LIST, DUMP and STATS always check first.</li>
 * </ul>
 */
final class LibraryStore {

    /** The MetaStore entry holding every library. */
    static final String ENTRY = "functions";
    static final long RECHECK_MILLIS = 1000;
    private static final int MAX_ATTEMPTS = 20;

    private final Scripting engine;
    private final Functions functions;

    LibraryStore(Scripting engine, Functions functions) {
        this.engine = engine;
        this.functions = functions;
    }

    /** The current libraries: checked against the store when {@code force} or when the last check is old. */
    Functions.Snapshot current(MetaStore meta, boolean force) {
        Functions.Snapshot s = functions.snapshot();
        long now = System.nanoTime();
        if (!force && s.sourceVersion() != -1 && now - functions.checkedNanos() < TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)) {
            return s;
        }
        synchronized (this) {
            Optional<Entry> stored = meta.get(ENTRY);
            long version = stored.map(Entry::version).orElse(0L);
            if (version != functions.snapshot().sourceVersion()) {
                Map<String, Library> libraries = new LinkedHashMap<>();
                if (stored.isPresent()) {
                    FunctionDump.restore(stored.get().bytes(), code -> {
                        Library l = engine.compileLibrary(code);
                        libraries.put(l.name(), l);
                    });
                }
                functions.install(libraries, version);
            }
            functions.checked(now);
        }
        return functions.snapshot();
    }

    /** Applies {@code change} to the stored libraries atomically, then here. */
    void change(MetaStore meta, Function<Functions.Snapshot, Map<String, Library>> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Functions.Snapshot s = current(meta, true);
            Map<String, Library> next = change.apply(s);
            byte[] payload = FunctionDump.dump(Functions.codes(next));
            long expected = s.sourceVersion();
            boolean written = meta.update(ENTRY, stored -> stored.map(Entry::version).orElse(0L) != expected
                    ? Decision.keep(false)
                    : next.isEmpty() ? Decision.delete(true) : Decision.put(payload, Entry.NO_EXPIRY, true));
            if (written) {
                // the version written is not known here: the next check reads it (and finds these libraries)
                functions.install(next, -1);
                functions.checked(System.nanoTime());
                return;
            }
        }
        throw new CommandException("ERR the function libraries kept changing on other nodes; try again");
    }

    /** The libraries of {@code payload}, compiled (FUNCTION RESTORE), in payload order. */
    List<Library> compileAll(byte[] payload) {
        java.util.ArrayList<Library> out = new java.util.ArrayList<>();
        FunctionDump.restore(payload, code -> out.add(engine.compileLibrary(code)));
        return out;
    }
}
