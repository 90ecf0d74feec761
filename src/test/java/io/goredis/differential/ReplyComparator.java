package io.goredis.differential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares redis-server's reply with goredis's under one {@link Script.Mode}. Returns null when
 * they agree, else a one-line reason (the runner adds both replies to the message).
 */
public final class ReplyComparator {

    private ReplyComparator() {}

    public static String compare(Script.Mode mode, long tolerance, RespReply redis, RespReply goredis) {
        return switch (mode) {
            case EXACT, SCAN -> Arrays.equals(redis.raw(), goredis.raw()) ? null : "bytes differ";
            case APPROX -> approx(redis, goredis, tolerance);
            case TYPE -> redis.type() == goredis.type() ? null
                    : "type '" + redis.type() + "' vs '" + goredis.type() + "'";
            case SHAPE -> shape(redis, goredis, "");
            case UNORDERED -> unordered(redis, goredis);
            case FIELDS -> fields(redis, goredis);
            case COMMAND_INFO -> commandInfo(redis, goredis);
            case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN is answered by unknownCommand()");
        };
    }

    /**
     * The error redis-server gives for a command it does not have, as processCommand() words it:
     * the name (first 128 bytes) and the arguments quoted while the list is under 128 bytes, each
     * cut to what is left of 128; CR and LF become spaces.
     */
    public static RespReply unknownCommand(java.util.List<byte[]> args) {
        java.io.ByteArrayOutputStream list = new java.io.ByteArrayOutputStream();
        for (int i = 1; i < args.size() && list.size() < 128; i++) {
            byte[] a = args.get(i);
            int n = Math.min(a.length, 128 - list.size());
            list.write('\'');
            list.write(a, 0, n);
            list.write('\'');
            list.write(' ');
        }
        byte[] name = args.get(0);
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        text.writeBytes("ERR unknown command '".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        text.write(name, 0, Math.min(name.length, 128));
        text.writeBytes("', with args beginning with: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        text.writeBytes(list.toByteArray());
        byte[] payload = text.toByteArray();
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\r' || payload[i] == '\n') {
                payload[i] = ' ';
            }
        }
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        raw.write('-');
        raw.writeBytes(payload);
        raw.write('\r');
        raw.write('\n');
        return new RespReply('-', raw.toByteArray(), payload, List.of());
    }

    /** Same structure; integers (and RESP3 doubles) within {@code tolerance}; everything else exact. */
    private static String approx(RespReply a, RespReply b, long tolerance) {
        if (a.type() != b.type()) {
            return "type '" + a.type() + "' vs '" + b.type() + "'";
        }
        if (a.type() == ':' || a.type() == ',') {
            double x = Double.parseDouble(a.text());
            double y = Double.parseDouble(b.text());
            return Math.abs(x - y) <= tolerance ? null : "numbers differ by more than " + tolerance;
        }
        if (a.isAggregate()) {
            if (a.children().size() != b.children().size()) {
                return "aggregate sizes differ";
            }
            for (int i = 0; i < a.children().size(); i++) {
                String r = approx(a.children().get(i), b.children().get(i), tolerance);
                if (r != null) {
                    return "element " + i + ": " + r;
                }
            }
            return null;
        }
        return Arrays.equals(a.raw(), b.raw()) ? null : "bytes differ";
    }

    /** Same types and aggregate sizes all the way down; RESP3 map keys must be equal. */
    private static String shape(RespReply a, RespReply b, String path) {
        if (a.type() != b.type()) {
            return path + " type '" + a.type() + "' vs '" + b.type() + "'";
        }
        if (a.isError() && !Arrays.equals(a.raw(), b.raw())) {
            return path + " errors differ";
        }
        if (!a.isAggregate()) {
            return null;
        }
        if (a.children().size() != b.children().size()) {
            return path + " sizes " + a.children().size() + " vs " + b.children().size();
        }
        boolean map = a.type() == '%';
        for (int i = 0; i < a.children().size(); i++) {
            RespReply x = a.children().get(i);
            RespReply y = b.children().get(i);
            if (map && i % 2 == 0 && !Arrays.equals(x.raw(), y.raw())) {
                return path + " map key " + x.text() + " vs " + y.text();
            }
            String r = shape(x, y, path + "/" + (map && i % 2 == 1 ? a.children().get(i - 1).text() : i));
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static String unordered(RespReply a, RespReply b) {
        if (a.type() != b.type() || !a.isAggregate()) {
            return Arrays.equals(a.raw(), b.raw()) ? null : "bytes differ";
        }
        List<String> x = a.type() == '%' ? sortedPairs(a) : sortedRaw(a);
        List<String> y = a.type() == '%' ? sortedPairs(b) : sortedRaw(b);
        return x.equals(y) ? null : "elements differ (order ignored)";
    }

    /** A map's key-value pairs, each as one string, sorted. */
    private static List<String> sortedPairs(RespReply r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < r.children().size(); i += 2) {
            out.add(r.children().get(i).printable() + " => " + r.children().get(i + 1).printable());
        }
        out.sort(null);
        return out;
    }

    private static List<String> sortedRaw(RespReply r) {
        List<String> out = new ArrayList<>();
        for (RespReply c : r.children()) {
            out.add(RespReply.escape(c.raw(), Integer.MAX_VALUE));
        }
        out.sort(null);
        return out;
    }

    /** INFO sections issue 3 names: goredis must print them whenever Redis does. */
    private static final java.util.Set<String> REQUIRED_SECTIONS =
            java.util.Set.of("Server", "Clients", "Memory", "Stats", "Keyspace", "Commandstats");

    /** Fields applications and tools read; goredis must print them whenever Redis does. */
    private static final java.util.Set<String> REQUIRED_FIELDS = java.util.Set.of(
            "redis_version", "redis_mode", "os", "arch_bits", "process_id", "run_id", "tcp_port",
            "uptime_in_seconds", "uptime_in_days", "connected_clients", "maxclients", "blocked_clients",
            "used_memory", "used_memory_human", "maxmemory", "maxmemory_policy",
            "total_connections_received", "total_commands_processed", "keyspace_hits",
            "keyspace_misses", "expired_keys", "evicted_keys",
            // CLIENT LIST / CLIENT INFO
            "id", "addr", "laddr", "fd", "name", "age", "idle", "flags", "db", "cmd", "resp");

    /**
     * INFO-style text ({@code # Section} headers, {@code field:value} lines) or CLIENT LIST-style
     * text ({@code k=v k=v} per line). goredis need not print every field Redis prints (many are
     * about Redis's internals), but every field it prints in a Redis section must carry a name Redis
     * uses there (its own fields are prefixed {@code goredis_}, its own sections have names Redis
     * lacks); the sections issue 3 names and the commonly read fields must be there; INFO's
     * Keyspace lines must agree on keys= and expires= (avg_ttl is timing); CLIENT LIST must list as
     * many clients.
     */
    private static String fields(RespReply a, RespReply b) {
        if (a.type() != b.type()) {
            return "type '" + a.type() + "' vs '" + b.type() + "'";
        }
        if (a.isError() || a.payload() == null) {
            return Arrays.equals(a.raw(), b.raw()) ? null : "bytes differ";
        }
        Map<String, TreeSet<String>> x = fieldNames(a.text());
        Map<String, TreeSet<String>> y = fieldNames(b.text());
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, TreeSet<String>> section : x.entrySet()) {
            String name = section.getKey();
            TreeSet<String> fy = y.get(name);
            if (fy == null) {
                if (REQUIRED_SECTIONS.contains(name) || name.startsWith("client#")) {
                    sb.append(" section ").append(name).append(" missing in goredis;");
                }
                continue;
            }
            TreeSet<String> invented = new TreeSet<>(fy);
            invented.removeAll(section.getValue());
            invented.removeIf(f -> f.startsWith("goredis_"));
            // CLIENT LIST fields Redis 7.2 added with CLIENT SETINFO, which goredis supports
            invented.removeAll(java.util.Set.of("lib-name", "lib-ver"));
            TreeSet<String> missing = new TreeSet<>(section.getValue());
            missing.removeAll(fy);
            if (name.equals("Keyspace")) {
                if (!invented.isEmpty() || !missing.isEmpty()) {
                    sb.append(" [Keyspace] redis ").append(section.getValue()).append(" vs goredis ").append(fy).append(';');
                }
                continue;
            }
            if (name.equals("Commandstats")) {
                missing.clear(); // only what goredis prints is judged: names and sub-fields
            }
            missing.retainAll(REQUIRED_FIELDS);
            if (!invented.isEmpty() || !missing.isEmpty()) {
                sb.append(" [").append(name).append(']');
                if (!invented.isEmpty()) {
                    sb.append(" names Redis does not use: ").append(invented);
                }
                if (!missing.isEmpty()) {
                    sb.append(" missing: ").append(missing);
                }
                sb.append(';');
            }
        }
        for (String name : y.keySet()) {
            if (name.startsWith("client#") && !x.containsKey(name)) {
                sb.append(" goredis lists more clients;");
                break;
            }
        }
        return sb.isEmpty() ? null : "fields differ:" + sb;
    }

    /** Section name -> field names. CLIENT LIST lines become sections "client#N". */
    static Map<String, TreeSet<String>> fieldNames(String text) {
        if (text.startsWith("txt:")) { // RESP3 verbatim payload
            text = text.substring(4);
        }
        Map<String, TreeSet<String>> out = new LinkedHashMap<>();
        String section = "";
        int client = 0;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# ")) {
                section = line.substring(2);
                out.computeIfAbsent(section, k -> new TreeSet<>());
                continue;
            }
            if (line.startsWith("id=")) { // CLIENT LIST / CLIENT INFO
                TreeSet<String> names = out.computeIfAbsent("client#" + client++, k -> new TreeSet<>());
                for (String kv : line.split(" ")) {
                    names.add(kv.substring(0, Math.max(kv.indexOf('='), 0)));
                }
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            TreeSet<String> names = out.computeIfAbsent(section, k -> new TreeSet<>());
            if (section.equals("Keyspace")) {
                names.add(name + ":" + value.replaceAll(",avg_ttl=\\d+", ""));
            } else if (value.contains("=") && (section.equals("Commandstats") || section.equals("Errorstats"))) {
                List<String> subs = new ArrayList<>();
                for (String kv : value.split(",")) {
                    subs.add(kv.substring(0, Math.max(kv.indexOf('='), 0)));
                }
                names.add(name + "{" + String.join(",", subs) + "}");
            } else {
                names.add(name);
            }
        }
        return out;
    }

    /** COMMAND INFO: per command, name / arity / flags / first / last / step exact, same length. */
    private static String commandInfo(RespReply a, RespReply b) {
        if (a.type() != b.type() || !a.isAggregate()) {
            return Arrays.equals(a.raw(), b.raw()) ? null : "bytes differ";
        }
        if (a.children().size() != b.children().size()) {
            return "number of commands differs";
        }
        List<String> problems = new ArrayList<>();
        String[] names = {"name", "arity", "flags", "first key", "last key", "step"};
        for (int i = 0; i < a.children().size(); i++) {
            RespReply x = a.children().get(i);
            RespReply y = b.children().get(i);
            if (x.type() != y.type() || !x.isAggregate()) {
                if (!Arrays.equals(x.raw(), y.raw())) {
                    problems.add("command " + i + " differs");
                }
                continue;
            }
            String cmd = x.children().isEmpty() ? "#" + i : x.children().get(0).text();
            if (x.children().size() != y.children().size()) {
                problems.add(cmd + ": " + x.children().size() + " vs " + y.children().size() + " fields");
                continue;
            }
            for (int f = 0; f < Math.min(6, x.children().size()); f++) {
                RespReply fx = x.children().get(f);
                RespReply fy = y.children().get(f);
                boolean same = f == 2 ? Objects.equals(sortedRaw(fx), sortedRaw(fy))
                        : Arrays.equals(fx.raw(), fy.raw());
                if (!same) {
                    problems.add(cmd + " " + names[f] + ": " + fx.printable() + " vs " + fy.printable());
                }
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
