package io.goredis.store.dynamo;

import io.goredis.config.Config;
import io.goredis.server.Server;
import io.goredis.store.Store;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Benchmark (not a test): SET and GET through goredis on the DynamoDB store, against a bare SDK
 * PutItem / GetItem loop on the same DynamoDB Local table with the same client settings
 * ({@link DynamoClients}). One client, one request at a time, so each figure is a latency.
 *
 * <p>Two goredis servers share the store: one serving its sessions on platform threads (the
 * default, {@code --platform-threads 256}) and one on virtual threads
 * ({@code --platform-threads 0}). PING through each shows the cost of the extra hop alone.
 * "Minimal server" is the floor for any server in front of the store: a few lines that read one
 * byte from a loopback socket on a platform thread, call the same {@link Store}, and write one byte
 * back; what goredis costs beyond it is its own parsing, dispatch and RESP.
 * The bare PutItem writes a new version every time, as goredis does: DynamoDB Local answers a put
 * of an unchanged item faster (nothing changes, no stream record), which would flatter the SDK side.
 *
 * <p>All kinds run interleaved in rounds (order rotated each round) so that drift of a shared, busy
 * machine hits them alike, after a long warm-up (DynamoDB Local's own code needs thousands of calls
 * before its latency settles). Each kind's figure is the median over rounds of the per-round median
 * latency; each ratio is the median over rounds of that round's ratio.
 * Run with {@code bench/dynamo-bench [ops-per-round] [rounds] [endpoint]}.
 */
public final class DynamoBench {

    /** The ratios printed: numerator kind, denominator kind. */
    private static final String[][] RATIOS = {
        {"goredis SET", "SDK PutItem"},
        {"goredis GET", "SDK GetItem"},
        {"goredis SET (virtual threads)", "SDK PutItem"},
        {"goredis GET (virtual threads)", "SDK GetItem"},
        {"goredis SET", "SDK PutItem as goredis sends it"},
        {"SDK PutItem as goredis sends it", "SDK PutItem"},
        {"DynamoStore.put, no server", "SDK PutItem as goredis sends it"},
        {"DynamoStore.get, no server", "SDK GetItem"},
        {"minimal server SET", "SDK PutItem as goredis sends it"},
        {"minimal server GET", "SDK GetItem"},
        {"goredis SET", "minimal server SET"},
        {"goredis GET", "minimal server GET"},
    };

    private DynamoBench() {}

    private interface Op {
        void run(int i);
    }

    private record Kind(String name, Op op) {}

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        DynamoDbLocal local = args.length > 2 ? null : DynamoDbLocal.start(0);
        URI endpoint = local != null ? local.endpoint() : URI.create(args[2]);
        setIfAbsent("aws.accessKeyId", "x");
        setIfAbsent("aws.secretAccessKey", "x");
        setIfAbsent("aws.region", "us-east-1");

        DynamoSettings settings = DynamoSettings.of("bench-" + Long.toHexString(System.nanoTime()))
                .withEndpoint(endpoint).withCreateTable(true);
        Store store = DynamoStore.open(settings, Clock.systemUTC());
        Server platform = server(store, Config.DEFAULT_PLATFORM_THREADS);
        Server virtual = server(store, 0);
        SdkHttpClient http = DynamoClients.httpClient(settings);
        DynamoDbClient reads = DynamoClients.dynamoDb(settings, http);
        DynamoDbClient writes = DynamoClients.dynamoDbWrites(settings, http);
        ItemCodec codec = new ItemCodec();
        byte[] value = "x".repeat(100).getBytes(StandardCharsets.US_ASCII);
        String textValue = new String(value, StandardCharsets.US_ASCII);
        int keys = 1000;
        AtomicLong version = new AtomicLong(System.currentTimeMillis() * 1000);

        try (Minimal minimal = new Minimal(store, value, keys);
             Jedis jp = new Jedis("127.0.0.1", platform.port(), 30_000);
             Jedis jv = new Jedis("127.0.0.1", virtual.port(), 30_000)) {
            List<Kind> kinds = List.of(
                    new Kind("goredis SET", i -> jp.set("key:" + (i % keys), textValue)),
                    new Kind("goredis SET (virtual threads)", i -> jv.set("key:" + (i % keys), textValue)),
                    new Kind("SDK PutItem", i -> writes.putItem(PutItemRequest.builder().tableName(settings.table())
                            .item(codec.encode(1, key(i, keys), value, 0, version.incrementAndGet())).build())),
                    // The request goredis's SET sends (conditioned on the stored version), without goredis:
                    // separates the cost of the condition in DynamoDB from goredis's own overhead.
                    new Kind("SDK PutItem as goredis sends it", i -> putIfNewer(writes, settings, codec, value,
                            key(i, keys), version.incrementAndGet())),
                    new Kind("goredis GET", i -> jp.get("key:" + (i % keys))),
                    new Kind("goredis GET (virtual threads)", i -> jv.get("key:" + (i % keys))),
                    new Kind("SDK GetItem", i -> reads.getItem(GetItemRequest.builder().tableName(settings.table())
                            .key(codec.keyOf(1, key(i, keys))).consistentRead(true).build())),
                    new Kind("DynamoStore.put, no server", i -> store.put(0, key(i, keys), value, 0)),
                    new Kind("DynamoStore.get, no server", i -> store.get(0, key(i, keys))),
                    new Kind("minimal server SET", i -> minimal.call(Minimal.SET, i % keys)),
                    new Kind("minimal server GET", i -> minimal.call(Minimal.GET, i % keys)),
                    new Kind("goredis PING", i -> jp.ping()),
                    new Kind("goredis PING (virtual threads)", i -> jv.ping()));

            for (int w = 0; w < 8; w++) {  // warm-up: JIT on both sides, connection pools, every key present
                for (Kind k : kinds) {
                    time(k.op(), keys);
                }
            }
            Map<String, List<Double>> medians = new LinkedHashMap<>();
            Map<String, List<Double>> p99s = new LinkedHashMap<>();
            for (Kind k : kinds) {
                medians.put(k.name(), new ArrayList<>());
                p99s.put(k.name(), new ArrayList<>());
            }
            for (int r = 0; r < rounds; r++) {
                for (int j = 0; j < kinds.size(); j++) {
                    Kind k = kinds.get((j + r) % kinds.size());
                    long[] lat = time(k.op(), ops);
                    medians.get(k.name()).add(lat[lat.length / 2] / 1000.0);
                    p99s.get(k.name()).add(lat[(int) (lat.length * 0.99)] / 1000.0);
                }
            }
            System.out.printf(Locale.ROOT, "DynamoDB Local %s, %d rounds x %d ops, 100-byte values, %d keys%n",
                    endpoint, rounds, ops, keys);
            for (Kind k : kinds) {
                System.out.printf(Locale.ROOT, "  %-32s median %6.0f us   p99 %6.0f us   (round medians %s)%n",
                        k.name(), median(medians.get(k.name())), median(p99s.get(k.name())), fmt(medians.get(k.name())));
            }
            for (String[] pair : RATIOS) {
                ratio(medians, pair[0], pair[1]);
            }
        } finally {
            platform.close();
            virtual.close();
            store.close();
            writes.close();
            reads.close();
            http.close();
            if (local != null) {
                local.close();
            }
        }
        System.exit(0);  // DynamoDB Local leaves a non-daemon thread behind
    }

    private static Server server(Store store, int platformThreads) throws IOException {
        Config config = Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1",
            "--platform-threads", Integer.toString(platformThreads)}, Map.of());
        return Server.start(config, store, Clock.systemUTC());
    }

    /** The minimal server and its one client connection: request = op byte + key index (2 bytes), reply = 1 byte. */
    private static final class Minimal implements AutoCloseable {
        static final int SET = 1;
        static final int GET = 2;
        private final ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final Socket client;
        private final OutputStream out;
        private final InputStream in;

        Minimal(Store store, byte[] value, int keys) throws IOException {
            Thread.ofPlatform().daemon().start(() -> serve(store, value, keys));
            client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            client.setTcpNoDelay(true);
            out = client.getOutputStream();
            in = client.getInputStream();
        }

        private void serve(Store store, byte[] value, int keys) {
            try (Socket s = listener.accept()) {
                s.setTcpNoDelay(true);
                DataInputStream req = new DataInputStream(new BufferedInputStream(s.getInputStream()));
                OutputStream reply = s.getOutputStream();
                while (true) {
                    int op = req.readByte();
                    byte[] key = key(req.readUnsignedShort(), keys);
                    if (op == SET) {
                        store.put(0, key, value, 0);
                    } else {
                        store.get(0, key);
                    }
                    reply.write(1);
                }
            } catch (IOException e) {
                // the bench closed the connection
            }
        }

        void call(int op, int key) {
            try {
                out.write(new byte[] {(byte) op, (byte) (key >> 8), (byte) key});
                if (in.read() != 1) {
                    throw new IOException("minimal server closed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            client.close();
            listener.close();
        }
    }

    private static byte[] key(int i, int keys) {
        return ("key:" + (i % keys)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Median over rounds of {@code a}'s round median divided by {@code b}'s in the same round. */
    private static void ratio(Map<String, List<Double>> medians, String a, String b) {
        List<Double> xs = medians.get(a);
        List<Double> ys = medians.get(b);
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            r.add(xs.get(i) / ys.get(i));
        }
        double m = median(r);
        System.out.printf(Locale.ROOT, "  %-32s / %-32s %.3f  (%+.1f%%)%n", a, b, m, 100 * (m - 1));
    }

    private static void putIfNewer(DynamoDbClient writes, DynamoSettings settings, ItemCodec codec, byte[] value,
                                   byte[] key, long v) {
        writes.putItem(PutItemRequest.builder().tableName(settings.table())
                .item(codec.encode(2, key, value, 0, v))
                .conditionExpression(DynamoStore.IF_NEWER).expressionAttributeNames(DynamoStore.NAMES_PK_VER)
                .expressionAttributeValues(Map.of(":ver", DynamoStore.number(v)))
                .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build());
    }

    private static long[] time(Op op, int n) {
        long[] lat = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            op.run(i);
            lat[i] = System.nanoTime() - t0;
        }
        Arrays.sort(lat);
        return lat;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static String fmt(List<Double> xs) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) {
            sb.append(sb.isEmpty() ? "" : " ").append(Math.round(x));
        }
        return sb.toString();
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
