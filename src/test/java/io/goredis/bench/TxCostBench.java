package io.goredis.bench;

import io.goredis.StoreFactory;
import io.goredis.config.Config;
import io.goredis.server.Server;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Benchmark (not a test): what one EXEC (or one EVAL) of N keys costs in DynamoDB on the
 * {@code dynamodb} and {@code caching} stores — calls by API, capacity units, latency — measured
 * on real goredis servers (in this JVM, built exactly as {@code Main} builds them, both on one
 * DynamoDB Local) driven over loopback by a raw RESP client.
 *
 * <p>The calls are counted by {@link Meter}, an SDK {@link ExecutionInterceptor} that
 * {@code bench/txn-cost.sh} registers for every SDK client in the JVM through the SDK's
 * global-interceptor resource ({@code software/amazon/awssdk/global/handlers/execution.interceptors}),
 * so goredis's own clients, with their production settings, are the ones measured. It counts only
 * calls made on goredis session threads (the stream poller's GetRecords and the like are background
 * work, not part of an EXEC), adds {@code ReturnConsumedCapacity=TOTAL} to every request that takes it,
 * sums what DynamoDB reports, and also computes the capacity from AWS's published rules (items sized
 * as AWS sizes them: attribute names plus values): strongly consistent GetItem 1 RCU per 4 KB, PutItem
 * 1 WCU per 1 KB, TransactGetItems 2 RCU per item per 4 KB, TransactWriteItems 2 WCU per item per 1 KB
 * (a ConditionCheck or Delete, whose stored size the request does not show, counted as one 1 KB
 * unit: every item here is far smaller).
 *
 * <p>For each N and each scenario, the two stores run alternately, one transaction at a time, after a
 * long warm-up, in {@value #ROUNDS} passes over all cells. Each figure is per transaction: calls and
 * capacity are averages (whole numbers when nothing retried), latency is the median as the client
 * sees it (MULTI ... EXEC sent in one write, all replies read: one round trip; WATCH is one more
 * round trip before it), beside the median time the transaction's session spent inside SDK calls.
 * Run with {@code bench/txn-cost.sh [reps] [N ...]}.
 */
public final class TxCostBench {

    private TxCostBench() {}

    // ------------------------------------------------------------------------------------ meter

    /** What the meter collected for one label (store). */
    static final class Tally {
        final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
        final Map<String, LongAdder> items = new ConcurrentHashMap<>();
        final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        final DoubleAdder reportedRcu = new DoubleAdder();
        final DoubleAdder reportedWcu = new DoubleAdder();
        final LongAdder reportedCalls = new LongAdder();
        final DoubleAdder rulesRcu = new DoubleAdder();
        final DoubleAdder rulesWcu = new DoubleAdder();
        /** Time spent inside counted SDK calls (request sent to response parsed), all calls. */
        final LongAdder callNanos = new LongAdder();

        void count(Map<String, LongAdder> m, String k, long n) {
            m.computeIfAbsent(k, x -> new LongAdder()).add(n);
        }
    }

    /**
     * The interceptor the SDK instantiates from the global-interceptor resource (public, no-arg).
     * Counts into the tally {@link #current} while it is set, and only on goredis session threads.
     */
    public static final class Meter implements ExecutionInterceptor {
        static volatile Tally current;
        /** Calls on other threads (the caching store's stream poller) while any transaction is measured. */
        static final Tally BACKGROUND = new Tally();
        private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("txcost-started");

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            attributes.putAttribute(STARTED, System.nanoTime());
        }

        private static void timed(Tally t, ExecutionAttributes attributes) {
            Long started = attributes.getAttribute(STARTED);
            if (started != null) {
                t.callNanos.add(System.nanoTime() - started);
            }
        }

        private static boolean counting() {
            return current != null && Thread.currentThread().getName().startsWith("goredis-session");
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            SdkRequest r = context.request();
            ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
            return switch (r) {
                case GetItemRequest g -> g.toBuilder().returnConsumedCapacity(total).build();
                case PutItemRequest p -> p.toBuilder().returnConsumedCapacity(total).build();
                case UpdateItemRequest u -> u.toBuilder().returnConsumedCapacity(total).build();
                case DeleteItemRequest d -> d.toBuilder().returnConsumedCapacity(total).build();
                case BatchGetItemRequest b -> b.toBuilder().returnConsumedCapacity(total).build();
                case TransactGetItemsRequest t -> t.toBuilder().returnConsumedCapacity(total).build();
                case TransactWriteItemsRequest t -> t.toBuilder().returnConsumedCapacity(total).build();
                case ScanRequest s -> s.toBuilder().returnConsumedCapacity(total).build();
                default -> r;
            };
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            Tally t = current;
            if (t == null) {
                return;
            }
            if (!counting()) {
                BACKGROUND.count(BACKGROUND.calls, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1);
                return;
            }
            timed(t, attributes);
            String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            t.count(t.calls, op, 1);
            SdkRequest req = context.request();
            SdkResponse resp = context.response();
            List<ConsumedCapacity> reported = new ArrayList<>();
            switch (resp) {
                case GetItemResponse g -> {
                    add(reported, g.consumedCapacity());
                    boolean strong = Boolean.TRUE.equals(((GetItemRequest) req).consistentRead());
                    t.rulesRcu.add(readUnits(g.hasItem() ? size(g.item()) : 0) * (strong ? 1 : 0.5));
                }
                case PutItemResponse p -> {
                    add(reported, p.consumedCapacity());
                    t.rulesWcu.add(writeUnits(size(((PutItemRequest) req).item())));
                }
                case UpdateItemResponse u -> {
                    add(reported, u.consumedCapacity());
                    t.rulesWcu.add(1);
                }
                case DeleteItemResponse d -> {
                    add(reported, d.consumedCapacity());
                    t.rulesWcu.add(1);
                }
                case BatchGetItemResponse b -> {
                    if (b.hasConsumedCapacity()) {
                        reported.addAll(b.consumedCapacity());
                    }
                    long keys = ((BatchGetItemRequest) req).requestItems().values().stream()
                            .mapToLong(k -> k.keys().size()).sum();
                    double units = 0;
                    long found = 0;
                    for (List<Map<String, AttributeValue>> items : b.responses().values()) {
                        for (Map<String, AttributeValue> item : items) {
                            units += readUnits(size(item));
                            found++;
                        }
                    }
                    t.rulesRcu.add(units + (keys - found));
                    t.count(t.items, op + " key", keys);
                }
                case TransactGetItemsResponse g -> {
                    if (g.hasConsumedCapacity()) {
                        reported.addAll(g.consumedCapacity());
                    }
                    t.count(t.items, op + " Get", ((TransactGetItemsRequest) req).transactItems().size());
                    for (ItemResponse item : g.responses()) {
                        t.rulesRcu.add(2 * readUnits(item.hasItem() ? size(item.item()) : 0));
                    }
                }
                case TransactWriteItemsResponse w -> {
                    if (w.hasConsumedCapacity()) {
                        reported.addAll(w.consumedCapacity());
                    }
                    for (TransactWriteItem item : ((TransactWriteItemsRequest) req).transactItems()) {
                        if (item.put() != null) {
                            t.count(t.items, op + " Put", 1);
                            t.rulesWcu.add(2 * writeUnits(size(item.put().item())));
                        } else if (item.conditionCheck() != null) {
                            t.count(t.items, op + " ConditionCheck", 1);
                            t.rulesWcu.add(2);
                        } else if (item.delete() != null) {
                            t.count(t.items, op + " Delete", 1);
                            t.rulesWcu.add(2);
                        } else {
                            t.count(t.items, op + " Update", 1);
                            t.rulesWcu.add(2);
                        }
                    }
                }
                case ScanResponse s -> {
                    add(reported, s.consumedCapacity());
                    long bytes = 0;
                    for (Map<String, AttributeValue> item : s.items()) {
                        bytes += size(item);
                    }
                    t.rulesRcu.add(Math.max(1, Math.ceil(bytes / 4096.0)));
                }
                default -> { }
            }
            boolean read = resp instanceof GetItemResponse || resp instanceof BatchGetItemResponse
                    || resp instanceof TransactGetItemsResponse || resp instanceof ScanResponse;
            for (ConsumedCapacity c : reported) {  // TOTAL: one figure per call, read or write by the API
                if (c == null || c.capacityUnits() == null) {
                    continue;
                }
                t.reportedCalls.increment();
                (read ? t.reportedRcu : t.reportedWcu).add(c.capacityUnits());
            }
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            Tally t = current;
            if (t != null && counting()) {
                timed(t, attributes);
                String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                t.count(t.calls, op, 1);
                t.count(t.failures, op + " (" + context.exception().getClass().getSimpleName() + ")", 1);
            }
        }

        private static void add(List<ConsumedCapacity> into, ConsumedCapacity c) {
            if (c != null) {
                into.add(c);
            }
        }
    }

    /** Strongly consistent read units for an item of {@code bytes}: 1 per 4 KB, at least 1. */
    static double readUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 4096.0));
    }

    /** Write units for an item of {@code bytes}: 1 per 1 KB, at least 1. */
    static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    /** An item's size as DynamoDB bills it: every attribute's UTF-8 name plus its value. */
    static long size(Map<String, AttributeValue> item) {
        long n = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            n += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
        }
        return n;
    }

    private static long valueSize(AttributeValue v) {
        if (v.b() != null) {
            return v.b().asByteArrayUnsafe().length;
        }
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {  // 1 byte per two significant digits, plus 1
            String digits = v.n().replace("-", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
            return (digits.length() + 1) / 2 + 1;
        }
        if (v.hasM()) {
            return 3 + size(v.m()) + v.m().size();
        }
        if (v.hasL()) {
            long n = 3;
            for (AttributeValue x : v.l()) {
                n += 1 + valueSize(x);
            }
            return n;
        }
        return 1;
    }

    // ------------------------------------------------------------------------------------ client

    /** A blocking RESP connection: writes a batch of commands, reads that many replies. */
    static final class Conn implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private byte[] buf = new byte[1 << 16];
        private int len;

        Conn(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        /** Sends {@code cmds} in one write and reads one reply per command; fails on an error or a null array. */
        void call(List<List<String>> cmds) throws IOException {
            out.write(TxBench.encode(cmds, 1, 0));
            out.flush();
            int expect = cmds.size();
            int pos = 0;
            TxBench.Counts counts = new TxBench.Counts();
            while (expect > 0) {
                long errors = counts.errors;
                long nulls = counts.nulls;
                int end = TxBench.parse(buf, pos, len, counts);
                if (end >= 0) {
                    pos = end;
                    expect--;
                    continue;
                }
                counts.errors = errors;
                counts.nulls = nulls;
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    throw new IOException("server closed the connection");
                }
                len += n;
            }
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            if (counts.errors > 0 || counts.nulls > 0) {
                throw new IllegalStateException(counts.errors + " error replies (first: " + counts.firstError + "), "
                        + counts.nulls + " null arrays, for " + cmds.getFirst() + " ...");
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ------------------------------------------------------------------------------------ scenarios

    static final String VALUE = "x".repeat(100);
    /** Passes over all cells that share each cell's reps. */
    static final int ROUNDS = 4;
    static final String EVAL_INCR = "for i = 1, #KEYS do redis.call('incr', KEYS[i]) end return #KEYS";

    /** One scenario: what to write before (uncounted) and the round trips of one transaction. */
    record Scenario(String name, String prefix, boolean numeric) {

        List<String> keys(int n) {
            List<String> k = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                k.add(prefix + ":" + n + ":" + i);
            }
            return k;
        }

        /** Round trips of one run, each a batch of commands sent in one write. */
        List<List<List<String>>> trips(int n) {
            List<String> keys = keys(n);
            List<List<String>> batch = new ArrayList<>();
            switch (name) {
                case "MULTI SET x N" -> multi(batch, keys, k -> List.of("SET", k, VALUE));
                case "MULTI INCR x N" -> multi(batch, keys, k -> List.of("INCR", k));
                case "MULTI GET x N" -> multi(batch, keys, k -> List.of("GET", k));
                case "WATCH N + MULTI SET x N" -> {
                    List<String> watch = new ArrayList<>(List.of("WATCH"));
                    watch.addAll(keys);
                    multi(batch, keys, k -> List.of("SET", k, VALUE));
                    return List.of(List.of(watch), batch);
                }
                case "EVAL N INCRs" -> {
                    List<String> eval = new ArrayList<>(List.of("EVAL", EVAL_INCR, Integer.toString(n)));
                    eval.addAll(keys);
                    batch.add(eval);
                }
                case "EVAL of a new script, N INCRs" -> {  // a body this node (and the table) never saw
                    String body = EVAL_INCR + " -- " + System.nanoTime();
                    List<String> eval = new ArrayList<>(List.of("EVAL", body, Integer.toString(n)));
                    eval.addAll(keys);
                    batch.add(eval);
                }
                case "N INCRs, no MULTI" -> keys.forEach(k -> batch.add(List.of("INCR", k)));
                case HSET -> batch.add(List.of("HSET", prefix + ":" + n, "field:0", "new-value-" + System.nanoTime()));
                default -> throw new IllegalArgumentException(name);
            }
            return List.of(batch);
        }

        private static void multi(List<List<String>> batch, List<String> keys,
                                  java.util.function.Function<String, List<String>> cmd) {
            batch.add(List.of("MULTI"));
            keys.forEach(k -> batch.add(cmd.apply(k)));
            batch.add(List.of("EXEC"));
        }

        /** Uncounted set-up: every key exists (integers for INCR, 100-byte values otherwise). */
        void prepare(Conn c, int n) throws IOException {
            if (name.equals(HSET)) { // one hash of 100 * N fields of ~30 encoded bytes each
                List<List<String>> hsets = new ArrayList<>();
                for (int from = 0; from < 100 * n; from += 100) {
                    List<String> hset = new ArrayList<>(List.of("HSET", prefix + ":" + n));
                    for (int f = from; f < from + 100; f++) {
                        hset.add("field:" + f);
                        hset.add("value-" + f + "-abcdefghij");
                    }
                    hsets.add(hset);
                }
                c.call(hsets);
                return;
            }
            List<List<String>> sets = new ArrayList<>();
            for (String k : keys(n)) {
                sets.add(List.of("SET", k, numeric ? "0" : VALUE));
            }
            c.call(sets);
        }
    }

    /** Not a transaction: the cost of one HSET on a hash of 100 * N fields (one item per key). */
    static final String HSET = "HSET 1 field, hash of 100*N fields";

    /** The scenarios run: all, or those whose name starts with {@code -Dscenarios=PREFIX}. */
    static final List<Scenario> SCENARIOS;

    private static final List<Scenario> ALL = List.of(
            new Scenario("MULTI SET x N", "set", false),
            new Scenario("MULTI INCR x N", "incr", true),
            new Scenario("MULTI GET x N", "get", false),
            new Scenario("WATCH N + MULTI SET x N", "watch", false),
            new Scenario("EVAL N INCRs", "eval", true),
            new Scenario("EVAL of a new script, N INCRs", "evalnew", true),
            new Scenario("N INCRs, no MULTI", "plain", true),
            new Scenario(HSET, "hset", false));

    static {
        String only = System.getProperty("scenarios", "");
        SCENARIOS = ALL.stream().filter(s -> s.name().startsWith(only)).toList();
    }

    /** One store under test: its server, a connection, and where its calls are counted. */
    record Target(String name, Store store, Server server, Conn conn) {}

    /** Per (scenario, N, store): the tally and the latencies. */
    record Cell(Tally tally, long[] nanos, long[] inCalls) {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Integer> sizes = new ArrayList<>();
        URI endpoint = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("http")) {
                endpoint = URI.create(args[i]);
            } else {
                sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1, 2, 10, 50, 100);
        }
        setIfAbsent("aws.accessKeyId", "x");
        setIfAbsent("aws.secretAccessKey", "x");
        setIfAbsent("aws.region", "us-east-1");
        DynamoDbLocal local = endpoint == null ? DynamoDbLocal.start(0) : null;
        if (local != null) {
            endpoint = local.endpoint();
        }
        String suffix = Long.toHexString(System.nanoTime());
        List<Target> targets = new ArrayList<>();
        try {
            for (String storeName : System.getProperty("stores", "dynamodb,caching").split(",")) {
                Config config = Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1", "--store", storeName,
                    "--dynamodb-endpoint", endpoint.toString(), "--create-table", "--table", "txcost-" + storeName + "-" + suffix},
                        Map.of());
                Store store = StoreFactory.create(config, Clock.systemUTC());
                Server server = Server.start(config, store, Clock.systemUTC());
                targets.add(new Target(storeName, store, server, new Conn(server.port())));
            }
            awaitCoherent(targets);
            Tally probe = new Tally();
            Meter.current = probe;
            targets.getFirst().conn().call(List.of(List.of("GET", "probe")));
            Meter.current = null;
            if (probe.calls.isEmpty()) {
                throw new IllegalStateException("the Meter interceptor counted nothing: run through bench/txn-cost.sh,"
                        + " which registers it (software/amazon/awssdk/global/handlers/execution.interceptors)");
            }
            System.out.printf(Locale.ROOT, "DynamoDB Local %s; %d transactions per figure (stores alternating), 100-byte values%n",
                    endpoint, reps);
            warmUp(targets);

            Map<String, Cell> cells = new LinkedHashMap<>();
            for (int n : sizes) {  // set-up, and a few uncounted runs of every cell
                for (Scenario s : SCENARIOS) {
                    if (measured(s, n, sizes)) {
                        for (Target t : targets) {
                            s.prepare(t.conn(), n);
                            for (int w = 0; w < 3; w++) {
                                run(t.conn(), s.trips(n));
                            }
                            cells.put(key(s, n, t), new Cell(new Tally(), new long[reps], new long[reps]));
                        }
                    }
                }
            }
            // The measured runs: ROUNDS passes over every cell, each taking its share of the reps, so
            // that drift (DynamoDB Local gets faster for a long while; the machine's load varies)
            // spreads over all cells instead of favouring the ones measured last.
            int rounds = Math.min(ROUNDS, reps);
            long measuredNanos = 0;
            for (int round = 0; round < rounds; round++) {
                int from = reps * round / rounds;
                int to = reps * (round + 1) / rounds;
                for (int n : sizes) {
                    for (Scenario s : SCENARIOS) {
                        if (!measured(s, n, sizes)) {
                            continue;
                        }
                        for (int r = from; r < to; r++) {
                            for (Target t : targets) {
                                Cell cell = cells.get(key(s, n, t));
                                List<List<List<String>>> trips = s.trips(n);
                                long called = cell.tally().callNanos.sum();
                                Meter.current = cell.tally();
                                long t0 = System.nanoTime();
                                run(t.conn(), trips);
                                cell.nanos()[r] = System.nanoTime() - t0;
                                Meter.current = null;
                                measuredNanos += cell.nanos()[r];
                                cell.inCalls()[r] = cell.tally().callNanos.sum() - called;
                            }
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "round %d of %d done%n", round + 1, rounds);
            }
            for (int n : sizes) {
                for (Scenario s : SCENARIOS) {
                    if (measured(s, n, sizes)) {
                        for (Target t : targets) {
                            System.out.println(line(t.name(), s.name(), n, cells.get(key(s, n, t)), reps));
                        }
                    }
                }
            }
            StringBuilder bg = new StringBuilder();
            for (Map.Entry<String, LongAdder> e : new TreeMap<>(Meter.BACKGROUND.calls).entrySet()) {
                bg.append(bg.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f %s/s",
                        e.getValue().sum() / (measuredNanos / 1e9), e.getKey()));
            }
            System.out.printf(Locale.ROOT, "background calls (not on session threads) while transactions ran: %s%n",
                    bg.isEmpty() ? "none" : bg);
            System.out.println();
            for (Target t : targets) {
                System.out.println("### " + t.name() + " store, per transaction (medians of " + reps + " for latency)");
                System.out.println();
                System.out.println("| scenario | N | DynamoDB calls | RCU (reported / AWS rules) | WCU (reported / AWS rules) | latency p50 ms | of which in DynamoDB calls |");
                System.out.println("|---|---|---|---|---|---|---|");
                for (Scenario s : SCENARIOS) {
                    for (int n : sizes) {
                        if (!measured(s, n, sizes)) {
                            continue;
                        }
                        Cell cell = cells.get(key(s, n, t));
                        System.out.println(row(s.name(), n, cell, reps));
                    }
                }
                System.out.println();
            }
        } finally {
            Meter.current = null;
            for (Target t : targets) {
                t.conn().close();
                t.server().close();
                t.store().close();
            }
            if (local != null) {
                local.close();
            }
        }
        System.exit(0);  // DynamoDB Local leaves a non-daemon thread behind
    }

    /** A new script's cost does not depend on N: measured for the smallest N only. */
    private static boolean measured(Scenario s, int n, List<Integer> sizes) {
        return !s.prefix().equals("evalnew") || n == sizes.getFirst();
    }

    private static String key(Scenario s, int n, Target t) {
        return s.name() + "|" + n + "|" + t.name();
    }

    private static void run(Conn c, List<List<List<String>>> trips) throws IOException {
        for (List<List<String>> batch : trips) {
            c.call(batch);
        }
    }

    /** Warm-up transactions of 10 keys, per scenario and store. */
    static final int WARMUP = 150;

    /**
     * DynamoDB Local and both JITs, uncounted: DynamoDB Local's latency keeps falling for thousands
     * of calls (see DynamoBench), here ~20,000 item reads and writes in all.
     */
    private static void warmUp(List<Target> targets) throws IOException {
        for (Scenario s : SCENARIOS) {
            for (Target t : targets) {
                s.prepare(t.conn(), 10);
                for (int i = 0; i < WARMUP; i++) {
                    run(t.conn(), s.trips(10));
                }
            }
        }
    }

    /** The caching store serves from its cache only once its stream follower holds every shard. */
    private static void awaitCoherent(List<Target> targets) throws Exception {
        for (Target t : targets) {
            if (!t.name().equals("caching")) {
                continue;
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!t.store().info().contains("cache_coherent:1")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("caching store not coherent after 60 s:\n" + t.store().info());
                }
                Thread.sleep(100);
            }
        }
    }

    private static String calls(Tally t, int reps) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(t.calls).entrySet()) {
            String op = e.getKey();
            sb.append(sb.isEmpty() ? "" : " + ").append(num(e.getValue().sum() / (double) reps)).append(' ').append(op);
            StringBuilder kinds = new StringBuilder();
            for (Map.Entry<String, LongAdder> i : new TreeMap<>(t.items).entrySet()) {
                if (i.getKey().startsWith(op + " ")) {
                    kinds.append(kinds.isEmpty() ? "" : ", ").append(num(i.getValue().sum() / (double) reps))
                            .append(' ').append(i.getKey().substring(op.length() + 1));
                }
            }
            if (!kinds.isEmpty()) {
                sb.append(" (").append(kinds).append(')');
            }
        }
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(t.failures).entrySet()) {
            sb.append("; failed ").append(num(e.getValue().sum() / (double) reps)).append(' ').append(e.getKey());
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }

    private static String units(DoubleAdder reported, Tally t, DoubleAdder rules, int reps) {
        boolean noCalls = t.calls.isEmpty();
        String rep = t.reportedCalls.sum() == 0 && !noCalls ? "n/a" : num(reported.sum() / reps);
        return rep + " / " + num(rules.sum() / reps);
    }

    private static double p50Millis(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static String line(String store, String scenario, int n, Cell cell, int reps) {
        Tally t = cell.tally();
        return String.format(Locale.ROOT, "%-8s %-29s N=%-3d %-62s RCU %s  WCU %s  p50 %.2f ms (%.2f in calls)",
                store, scenario, n, calls(t, reps), units(t.reportedRcu, t, t.rulesRcu, reps),
                units(t.reportedWcu, t, t.rulesWcu, reps), p50Millis(cell.nanos()), p50Millis(cell.inCalls()));
    }

    private static String row(String scenario, int n, Cell cell, int reps) {
        Tally t = cell.tally();
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.2f | %.2f |", scenario, n, calls(t, reps),
                units(t.reportedRcu, t, t.rulesRcu, reps), units(t.reportedWcu, t, t.rulesWcu, reps),
                p50Millis(cell.nanos()), p50Millis(cell.inCalls()));
    }

    private static String num(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
