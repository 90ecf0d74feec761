package io.goredis.server;

import io.goredis.command.Args;
import io.goredis.command.CommandException;
import io.goredis.command.CommandSpec;
import io.goredis.command.CommandTable;
import io.goredis.command.Context;
import io.goredis.command.Flag;
import io.goredis.command.ServerStats;
import io.goredis.protocol.Reply;
import io.goredis.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one request the way Redis's {@code processCommand} does: look the name (and subcommand) up,
 * check arity, then authentication, then call the handler and count it for INFO commandstats.
 * Every failure becomes an error reply; the connection stays open. Shared by all sessions.
 */
final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final Reply NOAUTH = Reply.error("NOAUTH Authentication required.");

    private final Map<String, Row> subcommands = new HashMap<>();
    private final ServerStats stats;
    /** Open-addressing table of top-level commands keyed by lower-cased name bytes: no allocation per lookup. */
    private final Row[] rows;
    private final int mask;

    /** A spec with its counters, so the hot path does one lookup for both. */
    private record Row(byte[] name, CommandSpec spec, ServerStats.CommandStat stat) {}

    Dispatcher(CommandTable table, ServerStats stats) {
        this.stats = stats;
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

    /** Executes {@code argv} (name first, never empty) for {@code session}; never throws a RuntimeException. */
    Reply dispatch(List<byte[]> argv, ClientSession session, Context ctx) {
        Row row = lookup(argv.get(0));
        if (row == null) {
            return unknownCommand(argv);
        }
        int start = 1;
        if (!row.spec().subcommands().isEmpty() && argv.size() >= 2) {
            Row sub = subcommands.get(row.spec().name() + "|" + Args.lower(argv.get(1)));
            if (sub == null) {
                return Reply.error("ERR unknown subcommand '" + cString(argv.get(1), 128) + "'. Try "
                        + row.spec().name().toUpperCase(Locale.ROOT) + " HELP.");
            }
            row = sub;
            start = 2;
        }
        CommandSpec spec = row.spec();
        ServerStats.CommandStat stat = row.stat();
        if (!spec.arityAccepts(argv.size())) {
            stat.rejected.increment();
            return Reply.error("ERR wrong number of arguments for '" + spec.name() + "' command");
        }
        if (!session.authenticated() && !spec.has(Flag.NO_AUTH)) {
            stat.rejected.increment();
            return NOAUTH;
        }
        session.commandStarted(spec.name(), ctx.nowMillis());
        long t0 = System.nanoTime();
        Reply reply;
        try {
            reply = spec.handler().execute(new Args(argv, start), ctx);
            if (reply == null) {
                throw new IllegalStateException("command '" + spec.name() + "' returned no reply");
            }
        } catch (CommandException e) {
            reply = Reply.error(e.getMessage());
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
