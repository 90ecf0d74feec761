package io.goredis.server;

import io.goredis.command.Args;
import io.goredis.command.CommandException;
import io.goredis.command.CommandSpec;
import io.goredis.command.CommandTable;
import io.goredis.command.Context;
import io.goredis.command.ExecutionGate;
import io.goredis.command.Flag;
import io.goredis.command.Invoker;
import io.goredis.command.KeyPositions;
import io.goredis.command.ServerStats;
import io.goredis.command.Waiters;
import io.goredis.protocol.Reply;
import io.goredis.command.txn.TxState;
import io.goredis.store.KeyRef;
import io.goredis.store.StoreException;
import io.goredis.store.txn.TxView;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one request the way Redis's {@code processCommand} does: look the name (and subcommand) up,
 * check arity, then authentication, then call the handler and count it for INFO commandstats.
 * Every failure becomes an error reply; the connection stays open. Shared by all sessions.
 */
final class Dispatcher implements Invoker {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final Reply NOAUTH = Reply.error("NOAUTH Authentication required.");
    static final Reply QUEUED = new Reply.SimpleString("QUEUED");
    static final Reply NOT_IN_MULTI = Reply.error("ERR Command not allowed inside a transaction");
    static final Reply BUSY_SCRIPT = Reply.error(
            "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.");
    static final Reply BUSY_FUNCTION = Reply.error(
            "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.");
    /**
     * Commands that take the gate alone themselves (on a SERIAL store): they wait in the exclusive
     * line instead of entering shared and upgrading, which would wake every waiting command at
     * each release.
     */
    private static final java.util.Set<String> RUN_ALONE =
            java.util.Set.of("exec", "eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro");
    /** Commands that run at once inside MULTI instead of being queued (Redis's processCommand). */
    private static final java.util.Set<String> RUN_IN_MULTI =
            java.util.Set.of("exec", "discard", "multi", "watch", "quit", "reset");

    private final Map<String, Row> subcommands = new HashMap<>();
    private final ServerStats stats;
    /** Open-addressing table of top-level commands keyed by lower-cased name bytes: no allocation per lookup. */
    private final Row[] rows;
    private final int mask;
    /** True when the store is SERIAL: commands pass the gate shared, transactions hold it alone. */
    private final boolean serial;
    private final ExecutionGate gate;
    private final LongSupplier busyMillis;
    private final Waiters waiters;

    /** A spec with its counters, so the hot path does one lookup for both. */
    private record Row(byte[] name, CommandSpec spec, ServerStats.CommandStat stat) {
        /** The top-level command's name (the container's for a subcommand). */
        String topName() {
            int bar = spec.name().indexOf('|');
            return bar < 0 ? spec.name() : spec.name().substring(0, bar);
        }
    }

    /** A dispatcher without transactions' gate (for a store that is not SERIAL, and tests). */
    Dispatcher(CommandTable table, ServerStats stats) {
        this(table, stats, false, new ExecutionGate(), () -> 5000, new Waiters(null, 0));
    }

    /**
     * @param serial     whether the store is {@link io.goredis.store.Isolation#SERIAL} (commands then
     *                   pass {@code gate})
     * @param busyMillis the current {@code busy-reply-threshold}
     * @param waiters    the node's blocked clients, signalled after each successful write
     */
    Dispatcher(CommandTable table, ServerStats stats, boolean serial, ExecutionGate gate, LongSupplier busyMillis,
               Waiters waiters) {
        this.waiters = waiters;
        this.stats = stats;
        this.serial = serial;
        this.gate = gate;
        this.busyMillis = busyMillis;
        int size = Integer.highestOneBit(Math.max(4, table.size() * 4 - 1)) << 1;
        this.rows = new Row[size];
        this.mask = size - 1;
        for (CommandSpec spec : table.all()) {
            byte[] name = spec.name().getBytes(StandardCharsets.ISO_8859_1);
            int i = hash(name) & mask;
            while (rows[i] != null) {
                i = (i + 1) & mask;
            }
            rows[i] = new Row(name, spec, stats.command(spec.name()));
            for (CommandSpec sub : spec.subcommands()) {
                subcommands.put(sub.name(), new Row(null, sub, stats.command(sub.name())));
            }
        }
    }

    /** The top-level command named {@code name} in any case, or null. */
    private Row lookup(byte[] name) {
        for (int i = hash(name) & mask; rows[i] != null; i = (i + 1) & mask) {
            if (equalsLower(rows[i].name, name)) {
                return rows[i];
            }
        }
        return null;
    }

    /** Hash of the ASCII-lower-cased bytes. */
    private static int hash(byte[] b) {
        int h = 0;
        for (byte x : b) {
            h = 31 * h + lower(x);
        }
        return h ^ (h >>> 16);
    }

    private static boolean equalsLower(byte[] lowerName, byte[] name) {
        if (lowerName.length != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (lowerName[i] != lower(name[i])) {
                return false;
            }
        }
        return true;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    /**
     * Executes {@code argv} (name first, never empty) for {@code session}, as Redis's
     * {@code processCommand}: name, subcommand, arity, authentication, MULTI's refusals; then, on a
     * SERIAL store, the node's gate (a script running past {@code busy-reply-threshold} makes this
     * command answer -BUSY); then inside MULTI the command is queued, else it runs. A refusal inside
     * MULTI flags the transaction (EXEC answers EXECABORT). Never throws a RuntimeException.
     */
    Reply dispatch(List<byte[]> argv, ClientSession session, Context ctx) {
        TxState tx = session.tx();
        Resolved r = resolve(argv);
        if (r.error() != null) {
            return reject(tx, null, null, r.error());
        }
        CommandSpec spec = r.row().spec();
        ServerStats.CommandStat stat = r.row().stat();
        if (!spec.arityAccepts(argv.size())) {
            return reject(tx, spec, stat, Reply.error("ERR wrong number of arguments for '" + spec.name() + "' command"));
        }
        if (!session.authenticated() && !spec.has(Flag.NO_AUTH)) {
            return reject(tx, spec, stat, NOAUTH);
        }
        if (tx.inMulti() && spec.has(Flag.NO_MULTI)) {
            return reject(tx, spec, stat, NOT_IN_MULTI);
        }
        boolean queueing = tx.inMulti() && !RUN_IN_MULTI.contains(r.row().topName());
        ExecutionGate.Entry entry = serial && !spec.has(Flag.ALLOW_BUSY)
                && (queueing || !RUN_ALONE.contains(spec.name()))
                ? gate.enterShared(busyNanos()) : ExecutionGate.Entry.OWNER;
        if (entry == ExecutionGate.Entry.BUSY) {
            return reject(tx, spec, stat, busyReply());
        }
        try {
            session.commandStarted(spec.name(), ctx.nowMillis());
            if (queueing) {
                tx.queue(argv);
                return QUEUED;
            }
            List<List<byte[]>> queue = waiters.anyBlocked() && spec.name().equals("exec")
                    ? List.copyOf(tx.commands()) : null;
            int db = session.db(); // EXEC's SELECT changes it; its keys before it are in this one
            Reply reply = run(spec, stat, argv, r.start(), ctx);
            if (waiters.anyBlocked() && !(reply instanceof Reply.ErrorReply)) {
                waiters.signalAll(writtenKeys(spec, argv, queue, db));
            }
            return reply;
        } finally {
            if (entry == ExecutionGate.Entry.ENTERED) {
                gate.exitShared();
            }
        }
    }

    /**
     * The keys a successful command may have written, for the blocked clients' hints: a WRITE
     * command's key positions; EXEC's queued commands' keys; EVAL's and FCALL's declared keys.
     */
    private List<KeyRef> writtenKeys(CommandSpec spec, List<byte[]> argv, List<List<byte[]>> queue, int db) {
        return switch (spec.name()) {
            case "exec" -> queue == null ? List.of() : KeyPositions.ofQueue(this, queue, db);
            case "eval", "evalsha", "fcall" -> declaredKeys(argv, db);
            default -> spec.has(Flag.WRITE) ? KeyPositions.of(spec, argv, db) : List.of();
        };
    }

    /** EVAL script numkeys key [key ...] arg ...: the keys after numkeys. */
    private static List<KeyRef> declaredKeys(List<byte[]> argv, int db) {
        Long n = argv.size() > 2 ? Args.tryParseLong(argv.get(2)) : null;
        if (n == null || n < 1 || n > argv.size() - 3) {
            return List.of();
        }
        List<KeyRef> out = new java.util.ArrayList<>(n.intValue());
        for (int i = 3; i < 3 + n; i++) {
            out.add(new KeyRef(db, argv.get(i)));
        }
        return out;
    }

    /**
     * A command refused before it ran: counted as rejected, and inside MULTI the transaction is
     * flagged; an EXEC refused (in MULTI or not) ends the transaction at once with EXECABORT and
     * the reason (Redis's {@code execCommandAbort}).
     */
    private Reply reject(TxState tx, CommandSpec spec, ServerStats.CommandStat stat, Reply error) {
        if (stat != null) {
            stat.rejected.increment();
        }
        if (spec != null && spec.name().equals("exec")) {
            // even outside MULTI, as Redis 7.0 does
            tx.end();
            tx.unwatch();
            String reason = ((Reply.ErrorReply) error).message();
            return Reply.error("EXECABORT Transaction discarded because of: "
                    + (reason.startsWith("ERR ") ? reason.substring(4) : reason));
        }
        if (tx.inMulti()) {
            tx.flag();
        }
        return error;
    }

    private long busyNanos() {
        return TimeUnit.MILLISECONDS.toNanos(busyMillis.getAsLong());
    }

    private Reply busyReply() {
        return gate.holder() == ExecutionGate.Holder.FUNCTION ? BUSY_FUNCTION : BUSY_SCRIPT;
    }

    /** The row and first-argument index {@code argv} names, or the error reply for an unknown name. */
    private record Resolved(Row row, int start, Reply error) {}

    private Resolved resolve(List<byte[]> argv) {
        Row row = lookup(argv.get(0));
        if (row == null) {
            return new Resolved(null, 0, unknownCommand(argv));
        }
        if (!row.spec().subcommands().isEmpty() && argv.size() >= 2) {
            Row sub = subcommands.get(row.spec().name() + "|" + Args.lower(argv.get(1)));
            if (sub == null) {
                return new Resolved(null, 0, Reply.error("ERR unknown subcommand '" + cString(argv.get(1), 128)
                        + "'. Try " + row.spec().name().toUpperCase(Locale.ROOT) + " HELP."));
            }
            return new Resolved(sub, 2, null);
        }
        return new Resolved(row, 1, null);
    }

    @Override
    public CommandSpec lookup(List<byte[]> argv) {
        Resolved r = resolve(argv);
        return r.error() == null ? r.row().spec() : null;
    }

    @Override
    public Reply invoke(CommandSpec spec, List<byte[]> argv, Context ctx) {
        Row row = spec.name().indexOf('|') >= 0 ? subcommands.get(spec.name()) : lookup(argv.get(0));
        if (row == null || row.spec() != spec) {
            throw new IllegalArgumentException("not a spec of this dispatcher's table: " + spec.name());
        }
        return run(spec, row.stat(), argv, spec.name().indexOf('|') >= 0 ? 2 : 1, ctx);
    }

    /** Runs the handler, turning every failure into an error reply, and counts the call. */
    private Reply run(CommandSpec spec, ServerStats.CommandStat stat, List<byte[]> argv, int start, Context ctx) {
        long t0 = System.nanoTime();
        Reply reply;
        try {
            reply = spec.handler().execute(new Args(argv, start), ctx);
            if (reply == null) {
                throw new IllegalStateException("command '" + spec.name() + "' returned no reply");
            }
        } catch (CommandException e) {
            reply = Reply.error(e.getMessage());
        } catch (TxView.WatchedKeyChanged e) {
            throw e; // ends the whole transaction (EXEC answers a null array), not this command
        } catch (ExecutionGate.Busy e) {
            reply = e.holder() == ExecutionGate.Holder.FUNCTION ? BUSY_FUNCTION : BUSY_SCRIPT;
        } catch (StoreException e) {
            log.warn("store failure in '{}': {}", spec.name(), e.getMessage(), e.getCause());
            reply = Reply.error(e.getMessage());
        } catch (RuntimeException e) {
            log.error("unexpected failure in '{}'", spec.name(), e);
            reply = Reply.error("ERR " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
        stat.micros.add((System.nanoTime() - t0) / 1000);
        stat.calls.increment();
        stats.commandsProcessed.increment();
        if (reply instanceof Reply.ErrorReply) {
            stat.failed.increment();
            stats.errorReplies.increment();
        }
        return reply;
    }

    /** Redis's text: the name and up to 128 bytes of the arguments, each quoted and followed by a space. */
    private static Reply unknownCommand(List<byte[]> argv) {
        StringBuilder args = new StringBuilder();
        int used = 0;
        for (int i = 1; i < argv.size() && used < 128; i++) {
            String a = cString(argv.get(i), 128 - used);
            args.append('\'').append(a).append("' ");
            used += a.getBytes(StandardCharsets.UTF_8).length + 3;
        }
        return Reply.error("ERR unknown command '" + cString(argv.get(0), 128) + "', with args beginning with: " + args);
    }

    /** C's {@code %.Ns}: at most {@code max} bytes, stopping at a NUL. */
    private static String cString(byte[] b, int max) {
        int n = 0;
        while (n < b.length && n < max && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
