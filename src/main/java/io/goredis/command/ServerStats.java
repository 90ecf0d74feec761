package io.goredis.command;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Server-wide counters for INFO (stats, commandstats): updated by the server's dispatcher and
 * accept loop, read by INFO and reset by CONFIG RESETSTAT. Thread-safe.
 */
public final class ServerStats {

    private final long startMillis;
    public final LongAdder connectionsReceived = new LongAdder();
    public final LongAdder rejectedConnections = new LongAdder();
    public final LongAdder commandsProcessed = new LongAdder();
    public final LongAdder errorReplies = new LongAdder();
    private final ConcurrentHashMap<String, CommandStat> commands = new ConcurrentHashMap<>();

    public ServerStats(long startMillis) {
        this.startMillis = startMillis;
    }

    public long startMillis() {
        return startMillis;
    }

    /** The counters of one command by full name ("get", "client|list"), created on first use. */
    public CommandStat command(String fullName) {
        CommandStat s = commands.get(fullName);
        return s != null ? s : commands.computeIfAbsent(fullName, n -> new CommandStat());
    }

    /** Commands that were called, rejected or failed at least once, by name. */
    public Map<String, CommandStat> commandsUsed() {
        Map<String, CommandStat> out = new TreeMap<>();
        commands.forEach((name, s) -> {
            if (s.calls.sum() + s.rejected.sum() + s.failed.sum() > 0) {
                out.put(name, s);
            }
        });
        return out;
    }

    /** CONFIG RESETSTAT. */
    public void reset() {
        connectionsReceived.reset();
        rejectedConnections.reset();
        commandsProcessed.reset();
        errorReplies.reset();
        commands.values().forEach(CommandStat::reset);
    }

    /** Per-command counters as in INFO commandstats. */
    public static final class CommandStat {
        public final LongAdder calls = new LongAdder();
        public final LongAdder micros = new LongAdder();
        public final LongAdder rejected = new LongAdder();
        public final LongAdder failed = new LongAdder();

        void reset() {
            calls.reset();
            micros.reset();
            rejected.reset();
            failed.reset();
        }
    }
}
