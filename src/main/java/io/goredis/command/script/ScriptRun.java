package io.goredis.command.script;

import io.goredis.command.CFormat;
import io.goredis.command.CommandSpec;
import io.goredis.command.Context;
import io.goredis.command.Flag;
import io.goredis.command.Invoker;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import party.iroiro.luajava.Lua;

/**
 * One running script or function: what {@code redis.call} and the other {@code redis.*} host
 * functions of its Lua state act on while it runs (Redis's {@code scriptRunCtx}). {@code redis.call}
 * runs a command as Redis's {@code scriptCall} does: the command table's lookup, arity and
 * {@code noscript} checks with the script texts, writes refused in a read-only script, then the
 * same path as any command (the {@link Invoker}), on the transaction's store and the script's own
 * {@link ScriptSession}.
 */
final class ScriptRun {

    /** What runs: EVAL scripts are killed by SCRIPT KILL, functions by FUNCTION KILL. */
    enum Kind { EVAL, FUNCTION }

    private final Kind kind;
    private final String name;
    private final boolean readOnly;
    private final ScriptSession session;
    private final Context context;
    private final Invoker invoker;
    private final LuaStrings strings;
    private final LuaSandbox sandbox;
    private final long startedNanos = System.nanoTime();
    private volatile boolean wrote;
    private final List<byte[]> argv;

    /**
     * @param name     the sha (EVAL) or function name, as error messages and FUNCTION STATS show it
     * @param readOnly writes are refused (EVAL_RO, FCALL_RO, no-writes)
     */
    ScriptRun(Kind kind, String name, boolean readOnly, Context transaction, LuaSandbox sandbox, List<byte[]> argv) {
        this.argv = List.copyOf(argv);
        this.kind = kind;
        this.name = name;
        this.readOnly = readOnly;
        this.session = new ScriptSession(transaction.session());
        this.context = transaction.withSession(session);
        this.invoker = transaction.server().invoker();
        this.strings = sandbox.strings();
        this.sandbox = sandbox;
    }

    Kind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    /** Whether the script has called a write command (it can then not be killed). */
    boolean wrote() {
        return wrote;
    }

    /** The command that started it (FUNCTION STATS). */
    List<byte[]> argv() {
        return argv;
    }

    long runningMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The RESP version the script chose ({@code redis.setresp}), which its final reply is read with. */
    int resp() {
        return session.protocol();
    }

    void kill() {
        sandbox.kill();
    }

    // ---------------------------------------------------------------- redis.call / redis.pcall

    /** {@code redis.call} ({@code raise}) or {@code redis.pcall}: Lua's arguments are on {@code l}'s stack. */
    int call(Lua l, boolean raise) {
        int n = l.getTop();
        if (n == 0) {
            return fail(l, "Please specify at least one argument for this redis lib call", raise);
        }
        List<byte[]> argv = new ArrayList<>(n);
        long pointer = l.getPointer();
        for (int i = 1; i <= n; i++) {
            switch (l.type(i)) {
                case STRING -> argv.add(strings.get(pointer, i));
                case NUMBER -> argv.add(CFormat.g(l.toNumber(i), 17).getBytes(StandardCharsets.US_ASCII));
                default -> {
                    return fail(l, "Lua redis lib command arguments must be strings or integers", raise);
                }
            }
        }
        Reply reply = execute(argv);
        if (reply instanceof Reply.ErrorReply e) {
            LuaReplies.pushError(l, strings, "-" + e.message());
            return raise ? -1 : 1;
        }
        LuaReplies.push(l, strings, reply, session.protocol());
        return 1;
    }

    private int fail(Lua l, String message, boolean raise) {
        LuaReplies.pushError(l, strings, message);
        return raise ? -1 : 1;
    }

    /** Redis's {@code scriptCall}: checks, then the command. */
    private Reply execute(List<byte[]> argv) {
        CommandSpec spec = invoker.lookup(argv);
        if (spec == null) {
            return Reply.error("ERR Unknown Redis command called from script");
        }
        if (!spec.arityAccepts(argv.size())) {
            return Reply.error("ERR Wrong number of args calling Redis command from script");
        }
        if (spec.has(Flag.NOSCRIPT)) {
            return Reply.error("ERR This Redis command is not allowed from script");
        }
        if (spec.has(Flag.WRITE)) {
            if (readOnly) {
                return Reply.error("ERR Write commands are not allowed from read-only scripts.");
            }
            wrote = true;
        }
        return invoker.invoke(spec, argv, context);
    }

    // ---------------------------------------------------------------- the other redis.* functions

    /** {@code redis.setresp(2|3)}. */
    int setResp(Lua l) {
        if (l.getTop() != 1) {
            return fail(l, "redis.setresp() requires one argument.", true);
        }
        int resp = (int) l.toNumber(1);
        if (resp != 2 && resp != 3) {
            return fail(l, "RESP version must be 2 or 3.", true);
        }
        session.protocol(resp);
        return 0;
    }

    /** {@code redis.acl_check_cmd(cmd, ...)}: goredis has no ACLs, so any existing command is allowed. */
    int aclCheck(Lua l) {
        int n = l.getTop();
        if (n == 0) {
            return fail(l, "Please specify at least one argument for this redis lib call", true);
        }
        List<byte[]> argv = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            byte[] s = strings.get(l.getPointer(), i);
            if (s == null) {
                return fail(l, "Lua redis lib command arguments must be strings or integers", true);
            }
            argv.add(s);
        }
        CommandSpec spec = invoker.lookup(argv);
        if (spec == null) {
            return fail(l, "Invalid command passed to redis.acl_check_cmd()", true);
        }
        l.push(true);
        return 1;
    }
}
