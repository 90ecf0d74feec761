package io.goredis.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark client (not a test): what {@code redis-benchmark} cannot do, a <em>group</em> of commands
 * that must travel on one connection in order, by default a transaction
 * {@code MULTI / INCR tx:a / INCR tx:b / INCR tx:c / EXEC}, pipelined {@code -P} groups per round trip
 * over {@code -c} connections. Built like redis-benchmark so its figures compare with it: one thread,
 * one selector, non-blocking sockets with TCP_NODELAY; every connection writes its {@code P} groups,
 * reads every reply, then writes the next {@code P}.
 *
 * <pre>
 *   java -cp target/test-classes io.goredis.bench.TxBench -p 6379 -c 50 -P 16 -n 200000
 *   ... --warmup 20000               first run 20000 groups uncounted (JIT of this client)
 *   ... -r 1000                       keys tx:a:NNN (NNN random below 1000, new per group) instead of tx:a
 *   ... -- MULTI / INCR k / EXEC      another group: commands separated by a lone "/"
 * </pre>
 * It prints one line in redis-benchmark's {@code -q} form,
 * {@code TXN: 12345.67 requests per second, p50=0.079 msec} (requests = groups; the latency is one
 * round trip of {@code P} groups, from the first byte written to the last reply read), and fails
 * (exit 1) if any reply was an error or a null array (an aborted EXEC).
 */
public final class TxBench {

    private TxBench() {}

    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = 6379;
        int clients = 50;
        int pipeline = 1;
        long total = 100_000;
        int keyRange = 0;
        long warmup = 0;
        String label = "TXN";
        List<List<String>> group = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h" -> host = args[++i];
                case "-p" -> port = Integer.parseInt(args[++i]);
                case "-c" -> clients = Integer.parseInt(args[++i]);
                case "-P" -> pipeline = Integer.parseInt(args[++i]);
                case "-n" -> total = Long.parseLong(args[++i]);
                case "-r" -> keyRange = Integer.parseInt(args[++i]);
                case "--label" -> label = args[++i];
                case "--warmup" -> warmup = Long.parseLong(args[++i]);
                case "--" -> {
                    List<String> cmd = new ArrayList<>();
                    for (i++; i < args.length; i++) {
                        if (args[i].equals("/")) {
                            group.add(cmd);
                            cmd = new ArrayList<>();
                        } else {
                            cmd.add(args[i]);
                        }
                    }
                    group.add(cmd);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (usage: TxBench [-h host] [-p port] [-c clients] [-P pipeline] [-n groups] [-r keyrange]"
                        + " [--warmup groups] [--label L] [-- CMD ARG ... / CMD ...])");
            }
        }
        if (group.isEmpty()) {
            group = List.of(List.of("MULTI"), List.of("INCR", "tx:a"), List.of("INCR", "tx:b"),
                    List.of("INCR", "tx:c"), List.of("EXEC"));
        }
        InetSocketAddress addr = new InetSocketAddress(host, port);
        if (warmup > 0) {  // this JVM's own JIT: the first thousands of round trips run interpreted
            run(addr, clients, pipeline, warmup, keyRange, group);
        }
        Result r = run(addr, clients, pipeline, total, keyRange, group);
        System.out.printf(Locale.ROOT, "%s: %.2f requests per second, p50=%.3f msec%n",
                label, r.groups() * 1e9 / r.nanos(), r.p50Nanos() / 1e6);
        if (r.errors() > 0 || r.nulls() > 0) {
            System.err.printf(Locale.ROOT, "%s: %d error replies, %d null arrays (aborted EXEC); first error: %s%n",
                    label, r.errors(), r.nulls(), r.firstError());
            System.exit(1);
        }
    }

    record Result(long groups, long nanos, long p50Nanos, long errors, long nulls, String firstError) {}

    /** Per connection: its pending output, the replies still expected, and the unparsed input. */
    private static final class Conn {
        final SocketChannel ch;
        ByteBuffer out;
        int expect;
        int sentGroups;
        long sentAt;
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);

        Conn(SocketChannel ch) {
            this.ch = ch;
        }
    }

    /** Reply statistics; a parse attempt on an incomplete reply must not count twice (callers restore them). */
    static final class Counts {
        long errors;
        long nulls;
        String firstError;
    }

    static Result run(InetSocketAddress addr, int clients, int pipeline, long total, int keyRange,
                      List<List<String>> group) throws IOException {
        int repliesPerGroup = group.size();
        byte[] fixed = keyRange > 0 ? null : encode(group, pipeline, 0);
        long[] latencies = new long[(int) Math.min(Integer.MAX_VALUE - 8, total / pipeline + clients + 1)];
        int latencyCount = 0;
        long issued = 0;
        long done = 0;
        Counts counts = new Counts();
        try (Selector selector = Selector.open()) {
            List<Conn> conns = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                SocketChannel ch = SocketChannel.open(addr);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                Conn c = new Conn(ch);
                c.ch.register(selector, SelectionKey.OP_READ, c);
                conns.add(c);
            }
            long t0 = System.nanoTime();
            for (Conn c : conns) {
                issued += send(c, selector, fixed, group, pipeline, keyRange, total - issued, repliesPerGroup);
            }
            while (done < total) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    if (key.isValid() && key.isWritable()) {
                        flush(c, selector);
                    }
                    if (!key.isValid() || !key.isReadable()) {
                        continue;
                    }
                    if (c.in.remaining() == 0) {
                        ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
                        c.in.flip();
                        bigger.put(c.in);
                        c.in = bigger;
                    }
                    int n = c.ch.read(c.in);
                    if (n < 0) {
                        throw new IOException("server closed the connection");
                    }
                    byte[] buf = c.in.array();
                    int limit = c.in.position();
                    int pos = 0;
                    while (c.expect > 0) {
                        long errors = counts.errors;
                        long nulls = counts.nulls;
                        int end = parse(buf, pos, limit, counts);
                        if (end < 0) {
                            counts.errors = errors;   // counted again when the rest has arrived
                            counts.nulls = nulls;
                            break;
                        }
                        pos = end;
                        c.expect--;
                    }
                    c.in.flip().position(pos);
                    c.in.compact();
                    if (c.expect == 0 && c.out == null) {
                        long now = System.nanoTime();
                        latencies[latencyCount++] = now - c.sentAt;
                        done += c.sentGroups;
                        if (issued < total) {
                            issued += send(c, selector, fixed, group, pipeline, keyRange, total - issued, repliesPerGroup);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            long nanos = System.nanoTime() - t0;
            for (Conn c : conns) {
                c.ch.close();
            }
            long[] lat = Arrays.copyOf(latencies, latencyCount);
            Arrays.sort(lat);
            return new Result(done, nanos, lat.length == 0 ? 0 : lat[lat.length / 2], counts.errors, counts.nulls,
                    counts.firstError);
        }
    }

    /** Writes up to {@code pipeline} groups (fewer at the end of the run); returns how many. */
    private static int send(Conn c, Selector selector, byte[] fixed, List<List<String>> group, int pipeline,
                            int keyRange, long left, int repliesPerGroup) throws IOException {
        int groups = (int) Math.min(pipeline, left);
        byte[] bytes = groups == pipeline && fixed != null ? fixed : encode(group, groups, keyRange);
        c.out = ByteBuffer.wrap(bytes);
        c.expect = groups * repliesPerGroup;
        c.sentGroups = groups;
        c.sentAt = System.nanoTime();
        flush(c, selector);
        return groups;
    }

    private static void flush(Conn c, Selector selector) throws IOException {
        c.ch.write(c.out);
        SelectionKey key = c.ch.keyFor(selector);
        if (c.out.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else {
            c.out = null;
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** RESP multibulk for {@code times} copies of the group; with a key range, "tx:a" becomes "tx:a:NNN" per group. */
    static byte[] encode(List<List<String>> group, int times, int keyRange) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int t = 0; t < times; t++) {
            String suffix = keyRange > 0 ? ":" + ThreadLocalRandom.current().nextInt(keyRange) : "";
            for (List<String> cmd : group) {
                out.writeBytes(("*" + cmd.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < cmd.size(); i++) {
                    String a = cmd.get(i);
                    if (i > 0 && keyRange > 0 && a.startsWith("tx:")) {
                        a += suffix;
                    }
                    byte[] b = a.getBytes(StandardCharsets.UTF_8);
                    out.writeBytes(("$" + b.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(b);
                    out.writeBytes(new byte[] {'\r', '\n'});
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * The end of the RESP2/RESP3 reply starting at {@code pos}, or -1 if {@code buf} does not hold
     * all of it yet; counts error replies and null arrays into {@code counts}.
     */
    static int parse(byte[] buf, int pos, int limit, Counts counts) {
        if (pos >= limit) {
            return -1;
        }
        int eol = lineEnd(buf, pos + 1, limit);
        if (eol < 0) {
            return -1;
        }
        byte type = buf[pos];
        int next = eol + 2;
        switch (type) {
            case '+', ':', ',', '#', '_', '(' -> {
                return next;
            }
            case '-' -> {
                counts.errors++;
                if (counts.firstError == null) {
                    counts.firstError = new String(buf, pos + 1, eol - pos - 1, StandardCharsets.UTF_8);
                }
                return next;
            }
            case '$', '=', '!' -> {
                long len = number(buf, pos + 1, eol);
                if (len < 0) {
                    return next;
                }
                long end = next + len + 2;
                return end > limit ? -1 : (int) end;
            }
            case '*', '~', '>', '%' -> {
                long len = number(buf, pos + 1, eol);
                if (len < 0) {
                    counts.nulls++;
                    return next;
                }
                long items = type == '%' ? 2 * len : len;
                int p = next;
                for (long i = 0; i < items; i++) {
                    p = parse(buf, p, limit, counts);
                    if (p < 0) {
                        return -1;
                    }
                }
                return p;
            }
            default -> throw new IllegalStateException("not a RESP reply: type byte " + (char) type);
        }
    }

    private static long number(byte[] buf, int from, int to) {
        boolean negative = buf[from] == '-';
        long v = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        return negative ? -v : v;
    }

    private static int lineEnd(byte[] buf, int from, int limit) {
        for (int i = from; i + 1 < limit; i++) {
            if (buf[i] == '\r') {
                return i;
            }
        }
        return -1;
    }
}
