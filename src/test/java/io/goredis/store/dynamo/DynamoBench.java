package io.goredis.store.dynamo;

import io.goredis.config.Config;
import io.goredis.server.Server;
import io.goredis.store.Store;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Benchmark (not a test): SET and GET through goredis on the DynamoDB store, against a bare SDK
 * PutItem / GetItem loop on the same DynamoDB Local table with the same client settings
 * ({@link DynamoClients}). One client, one request at a time, so each figure is a latency.
 * The four kinds run interleaved in rounds (order rotated each round) so that drift of a shared,
 * busy machine hits all of them alike; each kind's figure is the median over rounds of the
 * per-round median latency. Run with {@code bench/dynamo-bench [ops-per-round] [rounds] [endpoint]}.
 */
public final class DynamoBench {

    private DynamoBench() {}

    private interface Op {
        void run(int i);
    }

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
        Config config = Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1"}, Map.of());
        Server server = Server.start(config, store, Clock.systemUTC());
        SdkHttpClient http = DynamoClients.httpClient(settings);
        DynamoDbClient reads = DynamoClients.dynamoDb(settings, http);
        DynamoDbClient writes = DynamoClients.dynamoDbWrites(settings, http);
        ItemCodec codec = new ItemCodec();
        byte[] value = "x".repeat(100).getBytes(StandardCharsets.US_ASCII);
        String textValue = new String(value, StandardCharsets.US_ASCII);
        int keys = 1000;

        try (Jedis jedis = new Jedis("127.0.0.1", server.port(), 30_000)) {
            Op goredisSet = i -> jedis.set("key:" + (i % keys), textValue);
            Op goredisGet = i -> jedis.get("key:" + (i % keys));
            Op bareSet = i -> writes.putItem(PutItemRequest.builder().tableName(settings.table())
                    .item(codec.encode(1, ("key:" + (i % keys)).getBytes(StandardCharsets.US_ASCII), value, 0, i))
                    .build());
            Op bareGet = i -> reads.getItem(GetItemRequest.builder().tableName(settings.table())
                    .key(codec.keyOf(1, ("key:" + (i % keys)).getBytes(StandardCharsets.US_ASCII)))
                    .consistentRead(true).build());
            // The request goredis's SET sends (conditioned on the stored version), without goredis:
            // separates the cost of the condition in DynamoDB from goredis's own overhead.
            java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() * 1000);
            Op bareCondSet = i -> putIfNewer(writes, settings, codec, value, keys, i, version.incrementAndGet());
            String[] names = {"goredis SET", "SDK PutItem", "goredis GET", "SDK GetItem", "SDK cond. Put"};
            Op[] kinds = {goredisSet, bareSet, goredisGet, bareGet, bareCondSet};

            for (Op op : kinds) {  // warm-up: JIT, connection pools, every key present
                time(op, keys);
            }
            List<List<Double>> medians = new ArrayList<>();
            List<List<Double>> p99s = new ArrayList<>();
            for (int k = 0; k < kinds.length; k++) {
                medians.add(new ArrayList<>());
                p99s.add(new ArrayList<>());
            }
            for (int r = 0; r < rounds; r++) {
                for (int j = 0; j < kinds.length; j++) {
                    int k = (j + r) % kinds.length;
                    long[] lat = time(kinds[k], ops);
                    medians.get(k).add(lat[lat.length / 2] / 1000.0);
                    p99s.get(k).add(lat[(int) (lat.length * 0.99)] / 1000.0);
                }
            }
            System.out.printf(Locale.ROOT, "DynamoDB Local %s, %d rounds x %d ops, 100-byte values, %d keys%n",
                    endpoint, rounds, ops, keys);
            double[] m = new double[kinds.length];
            for (int k = 0; k < kinds.length; k++) {
                m[k] = median(medians.get(k));
                System.out.printf(Locale.ROOT, "  %-12s median %7.0f us   p99 %7.0f us   (round medians %s)%n",
                        names[k], m[k], median(p99s.get(k)), fmt(medians.get(k)));
            }
            System.out.printf(Locale.ROOT, "  SET ratio goredis/SDK %.3f  (goredis adds %+.1f%%)%n", m[0] / m[1], 100 * (m[0] / m[1] - 1));
            System.out.printf(Locale.ROOT, "  GET ratio goredis/SDK %.3f  (goredis adds %+.1f%%)%n", m[2] / m[3], 100 * (m[2] / m[3] - 1));
            System.out.printf(Locale.ROOT, "  SET ratio goredis/SDK conditional PutItem %.3f  (goredis adds %+.1f%%)%n",
                    m[0] / m[4], 100 * (m[0] / m[4] - 1));
        } finally {
            server.close();
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

    private static void putIfNewer(DynamoDbClient writes, DynamoSettings settings, ItemCodec codec, byte[] value,
                                   int keys, int i, long v) {
        writes.putItem(PutItemRequest.builder().tableName(settings.table())
                .item(codec.encode(2, ("key:" + (i % keys)).getBytes(StandardCharsets.US_ASCII), value, 0, v))
                .conditionExpression(DynamoStore.IF_NEWER).expressionAttributeNames(DynamoStore.NAMES_PK_VER)
                .expressionAttributeValues(Map.of(":ver", DynamoStore.number(v)))
                .returnValuesOnConditionCheckFailure(
                        software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure.ALL_OLD)
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
