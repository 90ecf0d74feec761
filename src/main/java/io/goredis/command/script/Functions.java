package io.goredis.command.script;

import io.goredis.command.CommandException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The node's function libraries (Redis 7.0's {@code functionsLibCtx}): libraries by name, the
 * functions they registered by name (case-insensitive, as Redis's function dictionary), and a
 * generation that changes with every change so each Lua state knows when to load them again.
 *
 * <p>Changes build a new immutable {@link Snapshot} and swap it in under a lock; readers take the
 * snapshot without one. The Lua side (compiling a library and running its body to collect its
 * functions) is {@link Scripting#compileLibrary}.
 */
final class Functions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    static final String BAD_NAME = "ERR Library names can only contain letters, numbers, or underscores(_) "
            + "and must be at least one character long";

    /** One consistent view: libraries in load order, functions by lower-case name. */
    record Snapshot(Map<String, Library> libraries, Map<String, Owned> functions, long generation,
                    long sourceVersion) {}

    /** A function and the library that registered it. */
    record Owned(Library library, Library.Function function) {}

    /** A library's metadata line ({@code #!lua name=x}) and the code Lua compiles (from that line's newline on). */
    record Metadata(String engine, String name, byte[] body) {}

    private volatile Snapshot current = new Snapshot(Map.of(), Map.of(), 0, -1);
    private volatile long checkedNanos;

    Snapshot snapshot() {
        return current;
    }

    /** The function named {@code name} (any case), or null. */
    Owned function(String name) {
        return current.functions().get(name.toLowerCase(Locale.ROOT));
    }

    /** Redis's {@code functionExtractLibMetaData}. */
    static Metadata metadata(byte[] code) {
        if (code.length < 2 || code[0] != '#' || code[1] != '!') {
            throw new CommandException("ERR Missing library metadata");
        }
        int end = 0;
        while (end < code.length && code[end] != '\n') {
            end++;
        }
        if (end == code.length) {
            throw new CommandException("ERR Invalid library metadata");
        }
        String[] parts = new String(code, 0, end, StandardCharsets.UTF_8).trim().split("[ \t\r]+");
        if (parts.length == 0 || parts[0].length() < 2) {
            throw new CommandException("ERR Invalid library metadata");
        }
        String engine = parts[0].substring(2);
        String name = null;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].regionMatches(true, 0, "name=", 0, 5)) {
                if (name != null) {
                    throw new CommandException("ERR Invalid metadata value, name argument was given multiple times");
                }
                name = parts[i].substring(5);
                continue;
            }
            throw new CommandException("ERR Invalid metadata value given: " + parts[i]);
        }
        if (name == null) {
            throw new CommandException("ERR Library name was not given");
        }
        if (!NAME.matcher(name).matches()) {
            throw new CommandException(BAD_NAME);
        }
        if (!engine.equalsIgnoreCase("lua")) {
            throw new CommandException("ERR Engine '" + engine + "' not found");
        }
        byte[] body = new byte[code.length - end];
        System.arraycopy(code, end, body, 0, body.length);
        return new Metadata(engine, name, body);
    }

    static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * FUNCTION LOAD: {@code s} with {@code library} added (or replacing the one of its name), or
     * Redis's error for a library that exists or a function name another library has.
     */
    static Map<String, Library> added(Snapshot s, Library library, boolean replace) {
        Library old = s.libraries().get(library.name());
        if (old != null && !replace) {
            throw new CommandException("ERR Library '" + library.name() + "' already exists");
        }
        Map<String, Library> libraries = new LinkedHashMap<>(s.libraries());
        libraries.remove(library.name());
        checkCollisions(library, index(libraries.values()));
        libraries.put(library.name(), library);
        return libraries;
    }

    private static void checkCollisions(Library library, Map<String, Owned> existing) {
        for (Library.Function f : library.functions()) {
            if (existing.containsKey(f.name().toLowerCase(Locale.ROOT))) {
                throw new CommandException("ERR Function " + f.name() + " already exists");
            }
        }
    }

    /** FUNCTION DELETE: {@code s} without library {@code name}. */
    static Map<String, Library> deleted(Snapshot s, String name) {
        if (!s.libraries().containsKey(name)) {
            throw new CommandException("ERR Library not found");
        }
        Map<String, Library> libraries = new LinkedHashMap<>(s.libraries());
        libraries.remove(name);
        return libraries;
    }

    /** The restore policies of FUNCTION RESTORE. */
    enum Policy { APPEND, REPLACE, FLUSH }

    /**
     * FUNCTION RESTORE of {@code restored} (compiled, in payload order), as Redis's
     * {@code libraryJoin}: FLUSH replaces everything; APPEND refuses a library that exists; REPLACE
     * replaces it; either way a function name taken by another library refuses the whole restore.
     */
    static Map<String, Library> restored(Snapshot s, List<Library> restored, Policy policy) {
        Map<String, Library> incoming = new LinkedHashMap<>();
        for (Library l : restored) {
            if (incoming.containsKey(l.name())) {
                throw new CommandException("ERR Library '" + l.name() + "' already exists");
            }
            checkCollisions(l, index(incoming.values()));
            incoming.put(l.name(), l);
        }
        if (policy == Policy.FLUSH) {
            return incoming;
        }
        Map<String, Library> libraries = new LinkedHashMap<>(s.libraries());
        for (Library l : incoming.values()) {
            if (libraries.containsKey(l.name())) {
                if (policy != Policy.REPLACE) {
                    throw new CommandException("ERR Library " + l.name() + " already exists");
                }
                libraries.remove(l.name());
            }
        }
        Map<String, Owned> existing = index(libraries.values());
        for (Library l : incoming.values()) {
            checkCollisions(l, existing);
        }
        libraries.putAll(incoming);
        return libraries;
    }

    /** Makes {@code libraries} the current set, as stored at {@code sourceVersion} (-1: not known). */
    synchronized void install(Map<String, Library> libraries, long sourceVersion) {
        current = new Snapshot(new LinkedHashMap<>(libraries), index(libraries.values()), current.generation() + 1,
                sourceVersion);
    }

    /** Records that the stored set was found unchanged at this time. */
    void checked(long nanos) {
        checkedNanos = nanos;
    }

    long checkedNanos() {
        return checkedNanos;
    }

    private static Map<String, Owned> index(Collection<Library> libraries) {
        Map<String, Owned> out = new LinkedHashMap<>();
        for (Library l : libraries) {
            for (Library.Function f : l.functions()) {
                out.put(f.name().toLowerCase(Locale.ROOT), new Owned(l, f));
            }
        }
        return out;
    }

    /** Every library's code in load order (FUNCTION DUMP). */
    static List<byte[]> codes(Map<String, Library> libraries) {
        List<byte[]> out = new ArrayList<>();
        for (Library l : libraries.values()) {
            out.add(l.code());
        }
        return out;
    }
}
