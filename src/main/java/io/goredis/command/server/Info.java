package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.ServerStats;
import io.goredis.command.ServerView;
import io.goredis.protocol.Reply;
import io.goredis.store.KeyspaceStats;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * INFO [section [section ...]]
 *
 * <p>Redis's text report ({@code # Section} headers, {@code field:value} lines, CRLF, a blank line
 * between sections) with Redis's field names for what goredis can measure. No argument or
 * {@code default} gives the default sections; {@code all}/{@code everything} add commandstats. The
 * store's own section (e.g. {@code # Cache}) comes last. A verbatim string in RESP3.
 */
final class Info implements Command {

    private static final List<String> DEFAULT = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "cluster", "keyspace", "store");
    private static final List<String> ALL = List.of(
            "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "commandstats", "cluster",
            "keyspace", "store");

    private final Map<String, BiConsumer<Context, StringBuilder>> sections = Map.ofEntries(
            Map.entry("server", Info::server),
            Map.entry("clients", Info::clients),
            Map.entry("memory", Info::memory),
            Map.entry("persistence", (ctx, sb) -> sb.append("# Persistence\r\nloading:0\r\nasync_loading:0\r\n"
                    + "rdb_changes_since_last_save:0\r\nrdb_bgsave_in_progress:0\r\naof_enabled:0\r\n"
                    + "aof_rewrite_in_progress:0\r\n")),
            Map.entry("stats", Info::stats),
            Map.entry("replication", (ctx, sb) -> sb.append("# Replication\r\nrole:master\r\nconnected_slaves:0\r\n")),
            Map.entry("cpu", Info::cpu),
            Map.entry("commandstats", Info::commandStats),
            Map.entry("cluster", (ctx, sb) -> sb.append("# Cluster\r\ncluster_enabled:0\r\n")),
            Map.entry("keyspace", Info::keyspace),
            Map.entry("store", Info::store));

    @Override
    public Reply execute(Args args, Context ctx) {
        Set<String> wanted = new LinkedHashSet<>();
        if (!args.hasNext()) {
            wanted.addAll(DEFAULT);
        }
        while (args.hasNext()) {
            String s = args.nextString().toLowerCase(Locale.ROOT);
            switch (s) {
                case "default" -> wanted.addAll(DEFAULT);
                case "all", "everything" -> wanted.addAll(ALL);
                default -> wanted.add(s);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String name : ALL) {
            if (!wanted.contains(name)) {
                continue;
            }
            int before = sb.length();
            if (before > 0) {
                sb.append("\r\n");
            }
            int mark = sb.length();
            sections.get(name).accept(ctx, sb);
            if (sb.length() == mark) {
                sb.setLength(before); // section produced nothing (e.g. a store without INFO)
            }
        }
        return new Reply.VerbatimReply("txt", sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void server(Context ctx, StringBuilder sb) {
        ServerView s = ctx.server();
        long nowMillis = ctx.nowMillis();
        long uptime = Math.max(0, (nowMillis - s.stats().startMillis()) / 1000);
        sb.append("# Server\r\n")
                .append("redis_version:").append(ServerView.REDIS_VERSION).append("\r\n")
                .append("redis_git_sha1:00000000\r\nredis_git_dirty:0\r\nredis_build_id:0\r\n")
                .append("redis_mode:standalone\r\n")
                .append("os:").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append("\r\n")
                .append("arch_bits:64\r\n")
                .append("multiplexing_api:java-threads\r\n")  // platform, then virtual: see SessionThreads
                .append("goredis_java_version:").append(Runtime.version()).append("\r\n")
                .append("process_id:").append(ProcessHandle.current().pid()).append("\r\n")
                .append("process_supervised:no\r\n")
                .append("run_id:").append(s.runId()).append("\r\n")
                .append("tcp_port:").append(s.port()).append("\r\n")
                .append("server_time_usec:").append(nowMillis * 1000).append("\r\n")
                .append("uptime_in_seconds:").append(uptime).append("\r\n")
                .append("uptime_in_days:").append(uptime / 86400).append("\r\n")
                .append("hz:10\r\nconfigured_hz:10\r\n")
                .append("executable:goredis\r\nconfig_file:\r\nio_threads_active:0\r\n")
                .append("goredis_store:").append(ctx.store().name()).append("\r\n");
    }

    private static void clients(Context ctx, StringBuilder sb) {
        var maxclients = ctx.server().config().get("maxclients");
        sb.append("# Clients\r\n")
                .append("connected_clients:").append(ctx.server().clients().size()).append("\r\n")
                .append("cluster_connections:0\r\n")
                .append("maxclients:").append(maxclients == null ? "10000" : maxclients.getter().get()).append("\r\n")
                .append("blocked_clients:").append(ctx.server().waiters().blockedCount())
                .append("\r\ntracking_clients:0\r\nclients_in_timeout_table:0\r\n");
    }

    private static void memory(Context ctx, StringBuilder sb) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long max = rt.maxMemory();
        sb.append("# Memory\r\n")
                .append("used_memory:").append(used).append("\r\n")
                .append("used_memory_human:").append(human(used)).append("\r\n")
                .append("used_memory_rss:").append(rt.totalMemory()).append("\r\n")
                .append("used_memory_rss_human:").append(human(rt.totalMemory())).append("\r\n")
                .append("total_system_memory:").append(max).append("\r\n")
                .append("total_system_memory_human:").append(human(max)).append("\r\n")
                .append("maxmemory:0\r\nmaxmemory_human:0B\r\nmaxmemory_policy:noeviction\r\n")
                .append("mem_allocator:jvm\r\n");
    }

    private static void stats(Context ctx, StringBuilder sb) {
        ServerStats st = ctx.server().stats();
        sb.append("# Stats\r\n")
                .append("total_connections_received:").append(st.connectionsReceived.sum()).append("\r\n")
                .append("total_commands_processed:").append(st.commandsProcessed.sum()).append("\r\n")
                .append("instantaneous_ops_per_sec:0\r\n")
                .append("rejected_connections:").append(st.rejectedConnections.sum()).append("\r\n")
                .append("expired_keys:0\r\nevicted_keys:0\r\n")
                .append("keyspace_hits:").append(ctx.counters().keyspaceHits.sum()).append("\r\n")
                .append("keyspace_misses:").append(ctx.counters().keyspaceMisses.sum()).append("\r\n")
                .append("pubsub_channels:0\r\npubsub_patterns:0\r\n")
                .append("total_error_replies:").append(st.errorReplies.sum()).append("\r\n");
    }

    private static void cpu(Context ctx, StringBuilder sb) {
        long nanos = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            nanos = os.getProcessCpuTime();
        }
        sb.append("# CPU\r\n")
                .append(String.format(Locale.ROOT, "used_cpu_sys:%.6f%nused_cpu_user:%.6f%n", 0.0, nanos / 1e9)
                        .replace(System.lineSeparator(), "\r\n"));
    }

    private static void commandStats(Context ctx, StringBuilder sb) {
        sb.append("# Commandstats\r\n");
        for (Map.Entry<String, ServerStats.CommandStat> e : ctx.server().stats().commandsUsed().entrySet()) {
            ServerStats.CommandStat s = e.getValue();
            long calls = s.calls.sum();
            long usec = s.micros.sum();
            sb.append("cmdstat_").append(e.getKey()).append(":calls=").append(calls)
                    .append(",usec=").append(usec)
                    .append(",usec_per_call=").append(String.format(Locale.ROOT, "%.2f", calls == 0 ? 0.0 : (double) usec / calls))
                    .append(",rejected_calls=").append(s.rejected.sum())
                    .append(",failed_calls=").append(s.failed.sum()).append("\r\n");
        }
    }

    private static void keyspace(Context ctx, StringBuilder sb) {
        sb.append("# Keyspace\r\n");
        List<KeyspaceStats> all = ctx.store().statsAll();
        for (int db = 0; db < all.size(); db++) {
            KeyspaceStats ks = all.get(db);
            if (ks.keys() > 0) {
                sb.append("db").append(db).append(":keys=").append(ks.keys())
                        .append(",expires=").append(ks.expires()).append(",avg_ttl=0\r\n");
            }
        }
    }

    /** The store's own section, lines normalised to CRLF. */
    private static void store(Context ctx, StringBuilder sb) {
        String text = ctx.store().info();
        if (text == null || text.isBlank()) {
            return;
        }
        String normalised = text.replace("\r\n", "\n").strip().replace("\n", "\r\n");
        sb.append(normalised).append("\r\n");
    }

    /** Redis's bytesToHuman: B, then K/M/G/T/P with two decimals. */
    static String human(long n) {
        if (n < 1024) {
            return n + "B";
        }
        String[] units = {"K", "M", "G", "T", "P"};
        double d = n;
        int i = -1;
        while (d >= 1024 && i < units.length - 1) {
            d /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.2f%s", d, units[i]);
    }
}
