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

    private final CommandTable table;
    private final Map<String, CommandSpec> subcommands = new HashMap<>();
    private final ServerStats stats;

    Dispatcher(CommandTable table, ServerStats stats) {
        this.table = table;
        this.stats = stats;
        for (CommandSpec spec : table.all()) {
            for (CommandSpec sub : spec.subcommands()) {
                subcommands.put(sub.name(), sub);
            }
        }
    }

    /** Executes {@code argv} (name first, never empty) for {@code session}; never throws a RuntimeException. */
    Reply dispatch(List<byte[]> argv, ClientSession session, Context ctx) {
        CommandSpec spec = table.get(Args.lower(argv.get(0)));
        if (spec == null) {
            return unknownCommand(argv);
        }
        int start = 1;
        if (!spec.subcommands().isEmpty() && argv.size() >= 2) {
            CommandSpec sub = subcommands.get(spec.name() + "|" + Args.lower(argv.get(1)));
            if (sub == null) {
                return Reply.error("ERR unknown subcommand '" + cString(argv.get(1), 128) + "'. Try "
                        + spec.name().toUpperCase(Locale.ROOT) + " HELP.");
            }
            spec = sub;
            start = 2;
        }
        ServerStats.CommandStat stat = stats.command(spec.name());
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
