package io.goredis.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs one {@link Script} against redis-server and goredis in lock step: each step goes to
 * redis-server first, then to goredis, and the two replies are compared under the step's mode.
 * Every script starts from an empty keyspace on both (FLUSHALL) and on fresh connections.
 */
public final class ScriptRunner {

    /**
     * Per reply. Generous because on the DynamoDB store a FLUSHALL scans every item the table ever
     * held (tombstones included) and once took over 10 s on a machine at load ~22; a hang still fails.
     */
    private static final int TIMEOUT_MILLIS = 30_000;

    /** What one script run found. */
    public record Result(List<String> mismatches, List<String> pending, String transcript) {}

    private final Endpoint redis;
    private final Endpoint goredis;
    /** What redis-server answered to each step of the current script, for reading scripts' intent. */
    private StringBuilder transcript = new StringBuilder();

    private final String password;

    /** {@code password}: what the servers require (null: nothing), used for the FLUSHALL between scripts. */
    public ScriptRunner(Endpoint redis, Endpoint goredis, String password) {
        this.redis = redis;
        this.goredis = goredis;
        this.password = password;
    }

    public Result run(Script script) throws IOException, InterruptedException {
        List<String> mismatches = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        transcript = new StringBuilder();
        flushAll(redis);
        flushAll(goredis);
        Map<Integer, Pair> conns = new HashMap<>();
        int current = 1;
        try {
            for (Script.Step step : script.steps()) {
                switch (step) {
                    case Script.Sleep s -> Thread.sleep(s.millis()); // lets keys expire on both
                    case Script.Conn c -> current = c.index();
                    case Script.Raw r -> {
                        if (r.pending() != null && !runPending()) {
                            pending.add(where(script, r.line()) + " " + r.pending());
                            continue;
                        }
                        Pair pair = conns.computeIfAbsent(current, this::open);
                        String m = raw(pair, r);
                        if (m != null) {
                            mismatches.add(where(script, r.line()) + " @raw: " + m);
                        }
                        if (pair.closed) {
                            conns.remove(current);
                        }
                    }
                    case Script.Command c -> {
                        if (c.pending() != null && !runPending()) {
                            pending.add(where(script, c.line()) + " `" + c.source() + "`: " + c.pending());
                            continue;
                        }
                        Pair pair = conns.computeIfAbsent(current, this::open);
                        String m = command(pair, c);
                        if (m != null) {
                            mismatches.add(where(script, c.line()) + " `" + abbreviate(c.source()) + "`: " + m);
                        }
                        if (pair.closed) {
                            conns.remove(current);
                        }
                    }
                }
            }
        } finally {
            conns.values().forEach(Pair::close);
        }
        return new Result(mismatches, pending, transcript.toString());
    }

    /** {@code -Ddifferential.runPending=true} compares pending steps too, to see if they pass by now. */
    private static boolean runPending() {
        return Boolean.getBoolean("differential.runPending");
    }

    private static String where(Script script, int line) {
        return script.name() + ":" + line;
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    private void flushAll(Endpoint e) throws IOException {
        try (RespConnection c = new RespConnection(e, TIMEOUT_MILLIS)) {
            if (password != null) {
                c.call("AUTH", password);
            }
            RespReply r = c.call("FLUSHALL");
            if (!r.text().equals("OK")) {
                throw new IOException(e.name() + " refused FLUSHALL: " + r.printable());
            }
        }
    }

    private Pair open(int index) {
        try {
            return new Pair(new RespConnection(redis, TIMEOUT_MILLIS), new RespConnection(goredis, TIMEOUT_MILLIS));
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect: " + e.getMessage(), e);
        }
    }

    /** One client connection to each server. */
    private static final class Pair implements AutoCloseable {
        final RespConnection redis;
        final RespConnection goredis;
        boolean closed;

        Pair(RespConnection redis, RespConnection goredis) {
            this.redis = redis;
            this.goredis = goredis;
        }

        @Override
        public void close() {
            redis.close();
            goredis.close();
        }
    }

    private String command(Pair pair, Script.Command c) {
        byte[] request = c.inline()
                ? (c.source() + "\r\n").getBytes(StandardCharsets.UTF_8)
                : RespConnection.multibulk(c.args());
        if (c.mode() == Script.Mode.UNKNOWN) {
            // redis-server has this command; goredis must answer as Redis does for one it lacks
            RespReply r = ReplyComparator.unknownCommand(c.args());
            transcript.append(c.line()).append(": ").append(abbreviate(c.source()))
                    .append(" (unknown to goredis)\n    ").append(r.printable()).append('\n');
            try {
                RespReply g = pair.goredis.call(c.args());
                return java.util.Arrays.equals(r.raw(), g.raw()) ? null : "not Redis's unknown-command error"
                        + "\n    expected: " + r.printable() + "\n    goredis:  " + g.printable();
            } catch (IOException e) {
                pair.closed = true;
                pair.close();
                return "goredis gave no reply (" + e + ")";
            }
        }
        long started = System.nanoTime();
        RespReply r;
        try {
            pair.redis.send(request);
            r = c.mode() == Script.Mode.SCAN ? scanAll(pair.redis, c) : pair.redis.read();
        } catch (IOException e) {
            // redis-server closed this connection (e.g. CLIENT KILL): goredis must have closed it too
            pair.closed = true;
            transcript.append(c.line()).append(": ").append(abbreviate(c.source()))
                    .append("\n    (connection closed)\n");
            String m = pair.goredis.closedByPeer() ? null
                    : "redis-server had closed this connection (" + e + "), goredis had not";
            pair.close();
            return m;
        }
        if (c.skipGoredis()) {
            afterReply(pair, c.args(), r, null);
            return null;
        }
        RespReply g;
        try {
            pair.goredis.send(request);
            g = c.mode() == Script.Mode.SCAN ? scanAll(pair.goredis, c) : pair.goredis.read();
        } catch (IOException e) {
            pair.closed = true;
            pair.close();
            return "goredis gave no reply (" + e + ")\n    redis:   " + r.printable();
        }
        transcript.append(c.line()).append(": ").append(abbreviate(c.source())).append("\n    ")
                .append(r.printable()).append("    (").append((System.nanoTime() - started) / 1_000_000).append(" ms)\n");
        String reason = ReplyComparator.compare(c.mode(), c.tolerance(), r, g);
        String closing = afterReply(pair, c.args(), r, g);
        if (reason == null && closing == null) {
            return null;
        }
        return (reason != null ? reason : closing)
                + "\n    redis:   " + r.printable() + "\n    goredis: " + g.printable();
    }

    /**
     * QUIT and protocol errors close the connection on redis-server: check goredis closed too,
     * and open fresh connections for what follows.
     */
    private static String afterReply(Pair pair, List<byte[]> args, RespReply r, RespReply g) {
        boolean quit = !args.isEmpty() && new String(args.get(0), StandardCharsets.ISO_8859_1).equalsIgnoreCase("quit");
        boolean protocolError = r.isError() && r.text().startsWith("ERR Protocol error");
        if (!quit && !protocolError) {
            return null;
        }
        pair.closed = true;
        boolean goredisClosed = g == null || pair.goredis.closedByPeer();
        pair.close();
        return goredisClosed ? null : "goredis kept the connection open";
    }

    private String raw(Pair pair, Script.Raw step) {
        StringBuilder problems = new StringBuilder();
        List<RespReply> rs = new ArrayList<>();
        try {
            pair.redis.send(step.bytes());
            for (int i = 0; i < step.replies(); i++) {
                rs.add(pair.redis.read());
            }
        } catch (IOException e) {
            pair.closed = true;
            pair.close();
            return "redis-server failed (fix the script): " + e;
        }
        transcript.append(step.line()).append(": @raw ").append(RespReply.escape(step.bytes(), 120)).append('\n');
        for (RespReply r : rs) {
            transcript.append("    ").append(r.printable()).append('\n');
        }
        try {
            pair.goredis.send(step.bytes());
            for (int i = 0; i < step.replies(); i++) {
                RespReply g = pair.goredis.read();
                RespReply r = rs.get(i);
                String reason = ReplyComparator.compare(Script.Mode.EXACT, 0, r, g);
                if (reason != null) {
                    problems.append("reply ").append(i + 1).append(": ").append(reason)
                            .append("\n    redis:   ").append(r.printable())
                            .append("\n    goredis: ").append(g.printable()).append('\n');
                }
            }
        } catch (IOException e) {
            pair.closed = true;
            pair.close();
            return "goredis gave no reply (" + e + ")";
        }
        if (!rs.isEmpty()) {
            RespReply last = rs.get(rs.size() - 1);
            String closing = afterReply(pair, List.of(), last, last);
            if (closing != null) {
                problems.append(closing);
            }
        }
        return problems.isEmpty() ? null : problems.toString();
    }

    /**
     * Runs SCAN's cursor loop to the end (the request already sent holds cursor 0) and returns a
     * synthetic reply: the sorted set of keys found, so the two servers' cursors need not agree.
     * An error reply is returned as is.
     */
    private static RespReply scanAll(RespConnection conn, Script.Command c) throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        RespReply reply = conn.read();
        for (int rounds = 0; ; rounds++) {
            if (reply.isError() || reply.children().size() != 2) {
                return reply;
            }
            for (RespReply k : reply.children().get(1).children()) {
                keys.add(RespReply.escape(k.raw(), Integer.MAX_VALUE));
            }
            String cursor = reply.children().get(0).text();
            if (cursor.equals("0")) {
                break;
            }
            if (rounds > 100_000) {
                throw new IOException("SCAN did not finish in 100000 rounds");
            }
            List<byte[]> next = new ArrayList<>(c.args());
            next.set(1, cursor.getBytes(StandardCharsets.US_ASCII));
            reply = conn.call(next);
        }
        byte[] text = String.join(" ", keys).getBytes(StandardCharsets.ISO_8859_1);
        return new RespReply('+', text, text, List.of());
    }
}
