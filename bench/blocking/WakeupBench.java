import io.goredis.StoreFactory;
import io.goredis.config.Config;
import io.goredis.server.Server;
import io.goredis.store.Store;
import io.goredis.store.dynamo.DynamoDbLocal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * Cross-node wake-up latency of a blocked BLPOP (not a test): two goredis servers on one table of
 * an in-process DynamoDB Local; a client blocks on node B, another pushes on node A, and we time
 * from just before the LPUSH until B's BLPOP answers. Run by bench/blocking/run.sh.
 *
 *   WakeupBench [pollMillis] [samples] [blockedOn]   blockedOn: caching (default) or dynamodb
 */
public final class WakeupBench {

    public static void main(String[] args) throws Exception {
        int poll = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String blockedOn = args.length > 2 ? args[2] : "caching";
        System.setProperty("aws.accessKeyId", "x");
        System.setProperty("aws.secretAccessKey", "x");
        System.setProperty("aws.region", "us-east-1");
        try (DynamoDbLocal local = DynamoDbLocal.start(0)) {
            List<AutoCloseable> open = new ArrayList<>();
            try {
                Server pusher = start(local, "dynamodb", poll, open);
                Server waiter = start(local, blockedOn, poll, open);
                long[] nanos = new long[samples];
                try (Jedis push = new Jedis("127.0.0.1", pusher.port());
                     Jedis block = new Jedis("127.0.0.1", waiter.port(), 30_000);
                     Jedis watch = new Jedis("127.0.0.1", waiter.port())) {
                    for (int i = -20; i < samples; i++) {           // 20 warm-up rounds
                        CompletableFuture<List<String>> got = CompletableFuture.supplyAsync(() -> block.blpop(10, "q"));
                        while (!watch.info("clients").contains("blocked_clients:1")) {
                            Thread.onSpinWait();
                        }
                        Thread.sleep(poll + 10L);                   // the stream poller is between polls
                        long t0 = System.nanoTime();
                        push.lpush("q", "job-" + i);
                        List<String> r = got.get(15, TimeUnit.SECONDS);
                        long dt = System.nanoTime() - t0;
                        if (r == null || !r.get(1).equals("job-" + i)) {
                            throw new IllegalStateException("round " + i + " got " + r);
                        }
                        if (i >= 0) {
                            nanos[i] = dt;
                        }
                    }
                }
                Arrays.sort(nanos);
                System.out.printf("blocked on %s, pushed on dynamodb, poll=%dms, samples=%d: p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n",
                        blockedOn, poll, samples, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[samples - 1] / 1e6);
            } finally {
                for (int i = open.size() - 1; i >= 0; i--) {
                    open.get(i).close();
                }
            }
        }
        System.exit(0); // DynamoDB Local leaves non-daemon threads behind
    }

    private static Server start(DynamoDbLocal local, String store, int poll, List<AutoCloseable> open) throws Exception {
        Config config = Config.parse(new String[] {"--port", "0", "--bind", "127.0.0.1", "--store", store,
                "--table", "bench-wakeup", "--create-table", "--dynamodb-endpoint", local.endpoint().toString(),
                "--poll-interval", Integer.toString(poll)}, Map.of());
        Store backend = StoreFactory.create(config, Clock.systemUTC());
        open.add(backend);
        Server server = Server.start(config, backend, Clock.systemUTC());
        open.add(server);
        if (store.equals("caching")) {
            try (Jedis j = new Jedis("127.0.0.1", server.port())) {
                while (!j.info("store").contains("cache_coherent:1")) {
                    Thread.sleep(20);
                }
            }
        }
        return server;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
