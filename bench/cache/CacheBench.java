import io.goredis.store.Entry;
import io.goredis.store.Store;
import io.goredis.store.cache.CacheSettings;
import io.goredis.store.cache.CachingStore;
import io.goredis.store.cache.ChangeSource;
import io.goredis.store.cache.CachingStores;
import io.goredis.store.dynamo.DynamoDbLocal;
import io.goredis.store.dynamo.DynamoSettings;
import io.goredis.store.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Caching-store benchmarks (not tests): run by bench/cache/run.sh, which builds the classpath.
 *
 * <pre>
 *   lag [pollMillis] [samples]   propagation lag: SET on node A until GET on node B returns it
 *                                (two caching stores on one DynamoDB Local table, in this JVM)
 *   hits [seconds] [threads]     GET-hit throughput, caching store vs memory store (in-process)
 *   zipf [keys] [reads]          hit ratio under a Zipf(0.99) workload, cache sized at 10% of keys
 * </pre>
 */
public final class CacheBench {

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        switch (what) {
            case "lag" -> lag(intArg(args, 1, 50), intArg(args, 2, 500));
            case "hits" -> hits(intArg(args, 1, 5), intArg(args, 2, 2));
            case "zipf" -> zipf(intArg(args, 1, 100_000), intArg(args, 2, 2_000_000));
            case "all" -> {
                zipf(100_000, 2_000_000);
                hits(5, 2);
                lag(50, 300);
                lag(10, 300);
            }
            default -> throw new IllegalArgumentException("usage: CacheBench lag|hits|zipf|all [...]");
        }
        System.exit(0); // DynamoDB Local leaves a non-daemon thread behind
    }

    private static int intArg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- propagation lag ------------------------------------------------------------------------

    static void lag(int pollMillis, int samples) throws Exception {
        System.setProperty("aws.accessKeyId", "x");
        System.setProperty("aws.secretAccessKey", "x");
        System.setProperty("aws.region", "us-east-1");
        try (DynamoDbLocal local = DynamoDbLocal.start(0)) {
            DynamoSettings settings = DynamoSettings.of("bench-lag").withEndpoint(local.endpoint()).withCreateTable(true);
            CacheSettings cache = CacheSettings.defaults().withPollInterval(Duration.ofMillis(pollMillis));
            try (CachingStore a = CachingStores.open(settings, cache, Clock.systemUTC());
                 CachingStore b = CachingStores.open(settings, cache, Clock.systemUTC())) {
                awaitCoherent(a);
                awaitCoherent(b);
                byte[] key = b("lag");
                a.put(0, key, b("v-1"), Entry.NO_EXPIRY);
                // make sure B holds the key, so new values reach it through the stream
                awaitValue(b, key, "v-1");
                for (int i = 0; i < 20; i++) {
                    b.get(0, key);
                    Thread.sleep(pollMillis + 20L);
                }
                long missesBefore = field(b.info(), "cache_misses");
                long[] lags = new long[samples];
                for (int i = 0; i < samples; i++) {
                    String v = "v" + i;
                    a.put(0, key, b(v), Entry.NO_EXPIRY);
                    long t0 = System.nanoTime();
                    awaitValue(b, key, v);
                    lags[i] = System.nanoTime() - t0;
                    Thread.sleep(new Random(i).nextInt(20)); // spread writes over the poll cycle
                }
                long missesDuring = field(b.info(), "cache_misses") - missesBefore;
                Arrays.sort(lags);
                System.out.printf(Locale.ROOT,
                        "lag poll=%dms samples=%d: p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms (reads that missed B's cache: %d)%n",
                        pollMillis, samples, ms(lags, 0.50), ms(lags, 0.90), ms(lags, 0.99), lags[samples - 1] / 1e6, missesDuring);
            }
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void awaitCoherent(CachingStore s) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (field(s.info(), "cache_coherent") != 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stream poller never started");
            }
            Thread.sleep(5);
        }
    }

    private static void awaitValue(Store s, byte[] key, String expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!s.get(0, key).map(e -> new String(e.value(), StandardCharsets.UTF_8)).orElse("").equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("never read " + expected);
            }
            LockSupport.parkNanos(50_000);
        }
    }

    private static long field(String info, String name) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1));
            }
        }
        throw new IllegalArgumentException(name + " not in INFO");
    }

    // ---- GET-hit throughput ---------------------------------------------------------------------

    static void hits(int seconds, int threads) throws Exception {
        Clock clock = Clock.systemUTC();
        int keys = 10_000;
        double memory = 0;
        double caching = 0;
        for (int round = 0; round < 2; round++) { // second round counts: the JIT has warmed up
            try (Store m = new InMemoryStore(clock)) {
                memory = getThroughput(m, keys, seconds, threads);
            }
            try (Store c = new CachingStore(new InMemoryStore(clock), ChangeSource.none(), CachingStore.DEFAULT_MAX_BYTES, clock)) {
                caching = getThroughput(c, keys, seconds, threads);
                if (round == 1) {
                    System.out.println("  caching store INFO after the run: hit ratio " + c.info().lines()
                            .filter(l -> l.startsWith("cache_hit_ratio")).findFirst().orElse("?"));
                }
            }
        }
        System.out.printf(Locale.ROOT, "GET hits, %d threads, %d keys: memory %.2f M ops/s, caching %.2f M ops/s, ratio %.2f%n",
                threads, keys, memory / 1e6, caching / 1e6, caching / memory);
    }

    private static double getThroughput(Store store, int keys, int seconds, int threads) throws Exception {
        List<byte[]> names = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            byte[] k = b("key:" + i);
            names.add(k);
            store.put(0, k, b("value-" + i), Entry.NO_EXPIRY);
        }
        for (byte[] k : names) {
            store.get(0, k); // every key cached before timing
        }
        LongAdder ops = new LongAdder();
        CountDownLatch start = new CountDownLatch(1);
        long[] end = new long[1];
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread th = new Thread(() -> {
                Random rnd = new Random(seed);
                long n = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < end[0]) {
                    for (int i = 0; i < 1000; i++) {
                        if (store.get(0, names.get(rnd.nextInt(keys))).isEmpty()) {
                            throw new IllegalStateException("miss");
                        }
                    }
                    n += 1000;
                }
                ops.add(n);
            });
            th.start();
            ts.add(th);
        }
        long t0 = System.nanoTime();
        end[0] = t0 + TimeUnit.SECONDS.toNanos(seconds);
        start.countDown();
        for (Thread th : ts) {
            th.join();
        }
        return ops.sum() / ((System.nanoTime() - t0) / 1e9);
    }

    // ---- Zipf hit ratio -------------------------------------------------------------------------

    static void zipf(int keys, int reads) {
        Clock clock = Clock.systemUTC();
        int valueBytes = 100;
        String keyFormat = "key:%07d";
        int keyBytes = String.format(Locale.ROOT, keyFormat, 0).length();
        long perEntry = 96 + keyBytes + valueBytes; // the cache's weigher: overhead + key + value
        long capacity = perEntry * keys / 10;
        try (InMemoryStore table = new InMemoryStore(clock);
             CachingStore cache = new CachingStore(table, ChangeSource.none(), capacity, clock)) {
            byte[] value = new byte[valueBytes];
            for (int i = 0; i < keys; i++) {
                table.put(0, b(String.format(Locale.ROOT, keyFormat, i)), value, Entry.NO_EXPIRY);
            }
            Zipf zipf = new Zipf(keys, 0.99, new Random(7));
            for (int i = 0; i < reads / 4; i++) { // warm-up
                cache.get(0, b(String.format(Locale.ROOT, keyFormat, zipf.next())));
            }
            long h0 = field(cache.info(), "cache_hits");
            long m0 = field(cache.info(), "cache_misses");
            for (int i = 0; i < reads; i++) {
                cache.get(0, b(String.format(Locale.ROOT, keyFormat, zipf.next())));
            }
            long h = field(cache.info(), "cache_hits") - h0;
            long m = field(cache.info(), "cache_misses") - m0;
            System.out.printf(Locale.ROOT,
                    "Zipf(0.99) %d keys, cache %d bytes (10%% of keys), %d reads: hit ratio %.3f (an oracle keeping the top 10%% would get %.3f); entries %d, evictions %d%n",
                    keys, capacity, reads, (double) h / (h + m), zipf.massOfTop(keys / 10), field(cache.info(), "cache_entries"),
                    field(cache.info(), "cache_evictions"));
        }
    }

    /** Zipf sampler over ranks 0..n-1 by inverse CDF (binary search over a table). */
    static final class Zipf {
        private final double[] cdf;
        private final Random rnd;

        Zipf(int n, double s, Random rnd) {
            this.rnd = rnd;
            cdf = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / Math.pow(i + 1, s);
                cdf[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cdf[i] /= sum;
            }
        }

        int next() {
            int i = Arrays.binarySearch(cdf, rnd.nextDouble());
            return i >= 0 ? i : -i - 1;
        }

        double massOfTop(int k) {
            return cdf[k - 1];
        }
    }
}
