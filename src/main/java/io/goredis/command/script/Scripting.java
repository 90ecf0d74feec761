package io.goredis.command.script;

import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.MetaStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import party.iroiro.luajava.JFunction;
import party.iroiro.luajava.Lua;

/**
 * The node's scripting engine, shared by the EVAL, SCRIPT, FCALL and FUNCTION commands of one
 * server: the Lua states ({@link LuaSandbox}, pooled: a state serves one script at a time, and
 * Redis 7 scripts cannot leave globals behind, so any state runs any script the same), the script
 * cache, and the scripts running now (for SCRIPT KILL, FUNCTION KILL and FUNCTION STATS).
 *
 * <p>Scripts are compiled into a state the first time that state runs them; SCRIPT FLUSH bumps a
 * generation that makes every state drop what it compiled.
 */
public final class Scripting implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Scripting.class);

    private final Supplier<List<LuaLibrary>> libraries;
    private final ConcurrentLinkedDeque<State> idle = new ConcurrentLinkedDeque<>();
    private final Set<State> all = ConcurrentHashMap.newKeySet();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Set<ScriptRun> running = ConcurrentHashMap.newKeySet();
    private final Functions functions = new Functions();
    private final LibraryStore libraryStore = new LibraryStore(this, functions);
    /** MetaStore names of EVAL scripts: this prefix, then the sha. */
    static final String SCRIPT_PREFIX = "script:";
    private volatile long generation;
    private volatile boolean closed;

    /** @param libraries the extra libraries every new state gets (bit, cjson, struct, cmsgpack) */
    public Scripting(Supplier<List<LuaLibrary>> libraries) {
        this.libraries = libraries;
    }

    /** One pooled Lua state with the scripts compiled into it and the function libraries loaded. */
    final class State {
        final LuaSandbox sandbox;
        final Map<String, Integer> compiled = new HashMap<>();
        long compiledGeneration;
        ScriptRun current;
        /** Functions of the libraries loaded into this state, by lower-case name. */
        final Map<String, Integer> functionRefs = new HashMap<>();
        long functionsGeneration = -1;
        /** While a library's body runs: what it registers. */
        LibraryLoad loading;

        State() {
            Map<String, JFunction> redis = new HashMap<>();
            redis.put("call", l -> guarded(l, () -> current().call(l, true)));
            redis.put("pcall", l -> guarded(l, () -> current().call(l, false)));
            redis.put("setresp", l -> guarded(l, () -> current().setResp(l)));
            redis.put("acl_check_cmd", l -> guarded(l, () -> current().aclCheck(l)));
            redis.put("sha1hex", l -> guarded(l, () -> sha1hex(l)));
            redis.put("log", l -> guarded(l, () -> log(l)));
            redis.put("set_repl", l -> guarded(l, () -> setRepl(l)));
            this.sandbox = new LuaSandbox(redis, libraries.get(), l -> guarded(l, () -> register(l)));
        }

        private int register(Lua l) {
            LibraryLoad load = loading;
            if (load == null) {
                LuaReplies.pushError(l, sandbox.strings(),
                        "redis.register_function can only be called on FUNCTION LOAD command");
                return -1;
            }
            return load.register(l);
        }

        /** Makes this state's functions those of the current libraries. */
        void loadFunctions() {
            Functions.Snapshot snapshot = functions.snapshot();
            if (functionsGeneration == snapshot.generation()) {
                return;
            }
            functionRefs.values().forEach(sandbox::release);
            functionRefs.clear();
            for (Library library : snapshot.libraries().values()) {
                try {
                    LibraryLoad load = runBody(this, library.code());
                    load.registered().forEach(f -> functionRefs.put(f.function().name().toLowerCase(java.util.Locale.ROOT),
                            f.ref()));
                } catch (CommandException e) {
                    log.warn("library {} did not load again into a new Lua state: {}", library.name(), e.getMessage());
                }
            }
            functionsGeneration = snapshot.generation();
        }

        private ScriptRun current() {
            ScriptRun run = current;
            if (run == null) {
                throw new IllegalStateException("no script is running on this Lua state");
            }
            return run;
        }

        private int sha1hex(Lua l) {
            if (l.getTop() != 1) {
                LuaReplies.pushError(l, sandbox.strings(), "wrong number of arguments");
                return -1;
            }
            byte[] s = sandbox.strings().get(l.getPointer(), 1);
            l.push(Sha1.hex(s == null ? new byte[0] : s));
            return 1;
        }

        /** The compiled function for {@code script}, compiling it into this state if needed. */
        int function(Script script) {
            if (compiledGeneration != generation) {
                compiled.values().forEach(sandbox::release);
                compiled.clear();
                compiledGeneration = generation;
            }
            Integer ref = compiled.get(script.sha());
            if (ref == null) {
                ref = sandbox.compile(script.lua(), LuaSandbox.SCRIPT_CHUNK);
                compiled.put(script.sha(), ref);
            }
            return ref;
        }
    }

    /** Runs a host function body; a Java failure becomes a Lua error instead of escaping into C. */
    private static int guarded(Lua l, java.util.function.IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (RuntimeException e) {
            log.error("script host function failed", e);
            l.createTable(0, 1);
            l.push("err");
            l.push("ERR " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            l.rawSet(-3);
            return -1;
        }
    }

    private static int log(Lua l) {
        int n = l.getTop();
        if (n < 2) {
            LuaReplies.pushError(l, LuaRuntime.strings(), "redis.log() requires two arguments or more.");
            return -1;
        }
        if (l.type(1) != Lua.LuaType.NUMBER && !isNumeric(l)) {
            LuaReplies.pushError(l, LuaRuntime.strings(), "First argument must be a number (log level).");
            return -1;
        }
        int level = (int) l.toNumber(1);
        if (level < 0 || level > 3) {
            LuaReplies.pushError(l, LuaRuntime.strings(), "Invalid debug level.");
            return -1;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 2; i <= n; i++) {
            byte[] s = LuaRuntime.strings().get(l.getPointer(), i);
            if (s != null) {
                if (i != 2) {
                    text.append(' ');
                }
                text.append(new String(s, StandardCharsets.UTF_8));
            }
        }
        switch (level) {
            case 0 -> log.debug("script: {}", text);
            case 1 -> log.debug("script: {}", text);
            case 2 -> log.info("script: {}", text);
            default -> log.warn("script: {}", text);
        }
        return 0;
    }

    private static boolean isNumeric(Lua l) {
        return l.isNumber(1);
    }

    private static int setRepl(Lua l) {
        if (l.getTop() != 1) {
            LuaReplies.pushError(l, LuaRuntime.strings(), "redis.set_repl() requires two arguments.");
            return -1;
        }
        long flags = (long) l.toNumber(1);
        if ((flags & ~3L) != 0) {
            LuaReplies.pushError(l, LuaRuntime.strings(),
                    "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
            return -1;
        }
        return 0;
    }

    private State borrow() {
        if (closed) {
            throw new CommandException("ERR the scripting engine is shut down");
        }
        State s = idle.pollFirst();
        if (s == null) {
            s = new State();
            all.add(s);
        }
        return s;
    }

    private void giveBack(State s) {
        if (closed) {
            all.remove(s);
            s.sandbox.close();
        } else {
            idle.addFirst(s);
        }
    }

    // ---------------------------------------------------------------- the script cache

    /**
     * The script with this sha (any case): from this node's cache, else from the store, where any
     * node that loaded it left it (EVALSHA of a script loaded elsewhere in the fleet).
     */
    Optional<Script> script(String sha, MetaStore meta) {
        if (sha.length() != 40) {
            return Optional.empty();
        }
        String lower = sha.toLowerCase(java.util.Locale.ROOT);
        Script cached = scripts.get(lower);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<io.goredis.store.Entry> stored = meta.get(SCRIPT_PREFIX + lower);
        if (stored.isEmpty() || !Sha1.hex(stored.get().bytes()).equals(lower)) {
            return Optional.empty();
        }
        try {
            return Optional.of(cache(stored.get().bytes()));
        } catch (CommandException e) {
            return Optional.empty();
        }
    }

    /**
     * The script for {@code body}, compiled and cached (EVAL, SCRIPT LOAD); a shebang or compile
     * error is thrown as the {@link CommandException} Redis answers, and nothing is cached.
     */
    Script load(byte[] body, MetaStore meta) {
        return load(body, meta, false);
    }

    /**
     * As {@link #load(byte[], MetaStore)}; {@code store} writes the script to the store even when
     * this node knows it already (SCRIPT LOAD: another node's SCRIPT FLUSH may have removed it).
     */
    Script load(byte[] body, MetaStore meta, boolean store) {
        Script cached = scripts.get(Sha1.hex(body));
        if (cached != null) {
            if (store) {
                meta.put(SCRIPT_PREFIX + cached.sha(), body);
            }
            return cached;
        }
        Script script = cache(body);
        meta.put(SCRIPT_PREFIX + script.sha(), body);
        return script;
    }

    /** Compiles {@code body} once to check it and caches it here. */
    private Script cache(byte[] body) {
        String sha = Sha1.hex(body);
        Script script = Script.of(body);
        State s = borrow();
        try {
            s.function(script);
        } catch (LuaSandbox.CompileError e) {
            throw new CommandException("ERR Error compiling script (new function): " + e.getMessage());
        } finally {
            giveBack(s);
        }
        scripts.put(sha, script);
        return script;
    }

    /**
     * SCRIPT FLUSH: forget every script, here and in the store; states drop what they compiled
     * before their next run. Other nodes that compiled a script keep running it until their own flush.
     */
    void flush(MetaStore meta) {
        scripts.clear();
        generation++;
        for (String name : meta.names(SCRIPT_PREFIX)) {
            meta.delete(name);
        }
    }

    // ---------------------------------------------------------------- functions

    Functions functions() {
        return functions;
    }

    LibraryStore libraries() {
        return libraryStore;
    }

    /**
     * Compiles a library and runs its body to learn its functions (FUNCTION LOAD, RESTORE), as
     * Redis's {@code luaEngineCreate}: compile errors, errors of the body, no function registered.
     */
    Library compileLibrary(byte[] code) {
        State s = borrow();
        try {
            LibraryLoad load = runBody(s, code);
            List<Library.Function> fs = new ArrayList<>();
            load.registered().forEach(r -> fs.add(r.function()));
            load.release(s.sandbox);
            if (fs.isEmpty()) {
                throw new CommandException("ERR No functions registered");
            }
            return new Library(Functions.metadata(code).name(), code, fs);
        } finally {
            giveBack(s);
        }
    }

    /** How long a library's body may run (Redis's LOAD_TIMEOUT_MS). */
    static final long LOAD_TIMEOUT_MILLIS = 500;

    /** Runs a library's body on {@code s} with the loading API; what it registered, refs held. */
    private LibraryLoad runBody(State s, byte[] code) {
        Functions.Metadata md = Functions.metadata(code);
        LuaSandbox lua = s.sandbox;
        int fn;
        try {
            fn = lua.compile(md.body(), LuaSandbox.FUNCTION_CHUNK);
        } catch (LuaSandbox.CompileError e) {
            throw new CommandException("ERR Error compiling function: " + LuaReplies.sanitize(e.getMessage()));
        }
        LibraryLoad load = new LibraryLoad();
        s.loading = load;
        lua.use(LuaSandbox.Api.LOAD);
        java.util.concurrent.ScheduledFuture<?> timeout = timer().schedule(
                () -> lua.kill("ERR FUNCTION LOAD timeout"), LOAD_TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        boolean ok;
        try {
            ok = lua.call(fn, () -> 0);
        } finally {
            timeout.cancel(false);
            lua.use(LuaSandbox.Api.EVAL);
            s.loading = null;
            lua.release(fn);
        }
        try {
            if (!ok) {
                load.release(lua);
                Lua l = lua.lua();
                l.getField(-1, "err");
                byte[] err = lua.strings().get(lua.pointer(), -1);
                throw new CommandException("ERR Error registering functions: "
                        + (err == null ? "unknown error" : LuaReplies.sanitize(LuaReplies.cString(err))));
            }
            return load;
        } finally {
            lua.clearStack();
            lua.resetKill();
        }
    }

    private java.util.concurrent.ScheduledExecutorService timer;

    private synchronized java.util.concurrent.ScheduledExecutorService timer() {
        if (timer == null) {
            timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().name("goredis-function-load-timer").daemon(true).unstarted(r));
        }
        return timer;
    }

    /** Runs function {@code f} (FCALL) on a pooled state with keys and args, inside the transaction {@code tx}. */
    Reply call(Context tx, Functions.Owned f, List<byte[]> keys, List<byte[]> args, boolean readOnly,
               List<byte[]> argv) {
        State s = borrow();
        String name = f.function().name();
        ScriptRun run = new ScriptRun(ScriptRun.Kind.FUNCTION, name, readOnly, tx, s.sandbox, argv);
        LuaSandbox lua = s.sandbox;
        try {
            s.loadFunctions();
            Integer ref = s.functionRefs.get(name.toLowerCase(java.util.Locale.ROOT));
            if (ref == null) {
                return Reply.error("ERR Function not found");
            }
            running.add(run);
            s.current = run;
            lua.use(LuaSandbox.Api.FUNCTION);
            boolean ok = lua.call(ref, () -> {
                lua.pushStrings(keys);
                lua.pushStrings(args);
                return 2;
            });
            return ok ? LuaReplies.toReply(lua.lua(), lua.strings(), -1, run.resp()) : failure(lua, name);
        } finally {
            lua.use(LuaSandbox.Api.EVAL);
            lua.clearStack();
            lua.resetKill();
            s.current = null;
            running.remove(run);
            giveBack(s);
        }
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs {@code script} on a pooled state with KEYS and ARGV, inside the transaction context
     * {@code tx} (the caller made it atomic); returns the script's reply, or its error as Redis words it.
     */
    Reply run(Context tx, Script script, List<byte[]> keys, List<byte[]> args, boolean readOnly) {
        State s = borrow();
        ScriptRun run = new ScriptRun(ScriptRun.Kind.EVAL, script.sha(), readOnly, tx, s.sandbox, List.of());
        running.add(run);
        s.current = run;
        LuaSandbox lua = s.sandbox;
        try {
            int ref;
            try {
                ref = s.function(script);
            } catch (LuaSandbox.CompileError e) {
                return Reply.error("ERR Error compiling script (new function): " + LuaReplies.sanitize(e.getMessage()));
            }
            lua.setGlobalStrings("KEYS", keys);
            lua.setGlobalStrings("ARGV", args);
            boolean ok = lua.call(ref, () -> 0);
            return ok ? LuaReplies.toReply(lua.lua(), lua.strings(), -1, run.resp()) : failure(lua, script.sha());
        } finally {
            lua.clearStack();
            lua.setGlobalStrings("KEYS", null);
            lua.setGlobalStrings("ARGV", null);
            lua.resetKill();
            s.current = null;
            running.remove(run);
            giveBack(s);
        }
    }

    /** The error reply for the error table the handler left on the stack: "&lt;err&gt; script: name, on source:line." */
    static Reply failure(LuaSandbox lua, String name) {
        Lua l = lua.lua();
        int t = l.getTop();
        if (l.type(t) != Lua.LuaType.TABLE) {
            byte[] msg = lua.strings().get(lua.pointer(), t);
            return Reply.error("ERR Error running script " + name + ", "
                    + (msg == null ? "execution failure" : new String(msg, StandardCharsets.UTF_8)));
        }
        l.getField(t, "err");
        byte[] err = lua.strings().get(lua.pointer(), -1);
        l.getField(t, "source");
        byte[] source = lua.strings().get(lua.pointer(), -1);
        l.getField(t, "line");
        byte[] line = lua.strings().get(lua.pointer(), -1);
        l.pop(3);
        StringBuilder sb = new StringBuilder(err == null ? "ERR unknown error" : LuaReplies.cString(err));
        if (source != null && line != null) {
            sb.append(" script: ").append(name).append(", on ")
                    .append(new String(source, StandardCharsets.UTF_8)).append(':')
                    .append(new String(line, StandardCharsets.UTF_8)).append('.');
        }
        return Reply.error(LuaReplies.sanitize(sb.toString()));
    }

    /** The running scripts of {@code kind}, longest-running first. */
    List<ScriptRun> running(ScriptRun.Kind kind) {
        List<ScriptRun> out = new ArrayList<>();
        for (ScriptRun r : running) {
            if (r.kind() == kind) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingLong(ScriptRun::runningMillis).reversed());
        return out;
    }

    /** Every running script, any kind. */
    List<ScriptRun> running() {
        return new ArrayList<>(running);
    }

    /** Closes every idle state; states in use close when their script ends. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        State s;
        while ((s = idle.pollFirst()) != null) {
            all.remove(s);
            s.sandbox.close();
        }
    }
}
