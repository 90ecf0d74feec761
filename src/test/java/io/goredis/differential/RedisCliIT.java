package io.goredis.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * redis-cli (the Debian package's) run against redis-server and against goredis: plain commands,
 * commands from stdin, {@code --scan}, {@code --pipe} mass insertion and {@code --bigkeys}; the
 * outputs must be the same. Each test starts from an empty keyspace on both.
 */
@ExtendWith(RealRedisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisCliIT {

    private Path cli;
    private Targets targets;

    @BeforeAll
    void setUp(Targets targets) {
        this.cli = RealRedisExtension.requireBinary("redis-cli");
        this.targets = targets;
    }

    @BeforeEach
    void flush() throws IOException {
        for (Endpoint e : List.of(targets.redis(), targets.goredis())) {
            try (RespConnection c = new RespConnection(e, 5000)) {
                c.call("FLUSHALL");
            }
        }
    }

    /** What one redis-cli run printed (stdout and stderr together) and its exit code. */
    record Run(String output, int exit) {}

    private Run cli(Endpoint e, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(cli.toString(), "-h", e.host(), "-p", Integer.toString(e.port())));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("redis-cli " + String.join(" ", args) + " did not finish");
        }
        return new Run(new String(out, StandardCharsets.UTF_8), p.exitValue());
    }

    /** Runs the same redis-cli invocation against both servers and asserts equal output. */
    private Run same(byte[] stdin, String... args) throws IOException, InterruptedException {
        Run redis = cli(targets.redis(), stdin, args);
        Run goredis = cli(targets.goredis(), stdin, args);
        assertEquals(redis, goredis, "redis-cli " + String.join(" ", args));
        return redis;
    }

    private Run same(String... args) throws IOException, InterruptedException {
        return same(null, args);
    }

    @Test
    void plainCommands_sameOutput() throws Exception {
        same("set", "k", "v");
        same("get", "k");
        same("get", "nosuch");
        same("set", "a b", "c d");
        same("get", "a b");
        same("incr", "n");
        same("incrbyfloat", "f", "1.5");
        same("incr", "k");
        same("mset", "x", "1", "y", "2");
        same("mget", "x", "y", "nosuch");
        same("exists", "x", "y", "nosuch");
        same("del", "x");
        same("type", "k");
        same("ttl", "k");
        same("dbsize");
        same("ping");
        same("echo", "hello world");
        same("-n", "3", "set", "in3", "v");
        same("-n", "3", "get", "in3");
        same("-n", "3", "dbsize");
        same("info", "keyspace");
        same("--no-raw", "get", "k");
        same("--no-raw", "get", "nosuch");
        same("--no-raw", "mget", "k", "nosuch");
        same("--no-raw", "incr", "k");
        same("--raw", "get", "k");
        same("-3", "get", "k");
        same("-3", "get", "nosuch");
        same("-3", "--no-raw", "get", "nosuch");
        same("-3", "--no-raw", "config", "get", "maxclients");
        same("--no-raw", "config", "get", "maxclients");
        same("nosuchcommand", "x");
        same("get");
        same("-x", "set", "fromstdin");
        same("\u0000".getBytes(StandardCharsets.UTF_8), "-x", "set", "nul");
        same("strlen", "nul");
        same("-r", "3", "incr", "counter");
        same("get", "counter");
        same("--csv", "mget", "k", "nosuch", "counter");
        same("--json", "mget", "k", "nosuch", "counter");
        same("--json", "config", "get", "maxclients");
        same("-2", "--json", "config", "get", "maxclients");
        same("--quoted-input", "set", "\"a\\nb\"", "\"c\\x00d\"");
        same("--quoted-input", "get", "\"a\\nb\"");
        same("--no-raw", "--quoted-input", "get", "\"a\\nb\"");
        same("--scan", "--quoted-pattern", "\"a\\n*\"");
    }

    @Test
    void commandsFromStdin_sameOutput() throws Exception {
        String script = "set a 1\nincr a\nget a\nset \"b c\" 'd e'\nget \"b c\"\nget nosuch\nfoo bar\n"
                + "expire a 100\npersist a\nttl a\ndel a\nexists a\n";
        same(script.getBytes(StandardCharsets.UTF_8));
        same(script.getBytes(StandardCharsets.UTF_8), "--no-raw");
    }

    @Test
    void scan_sameKeys() throws Exception {
        List<String> args = new ArrayList<>(List.of("mset"));
        for (int i = 0; i < 300; i++) {
            args.add((i % 3 == 0 ? "user:" : "item:") + i);
            args.add("v" + i);
        }
        same(args.toArray(String[]::new));
        assertSameSorted("--scan");
        assertSameSorted("--scan", "--pattern", "user:*");
        assertSameSorted("--scan", "--pattern", "item:1?");
        assertSameSorted("--scan", "--pattern", "nosuch*");
        assertSameSorted("--scan", "--count", "7");
        assertSameSorted("--scan", "--pattern", "*:2*", "--count", "3");
    }

    private void assertSameSorted(String... args) throws Exception {
        Run redis = cli(targets.redis(), null, args);
        Run goredis = cli(targets.goredis(), null, args);
        assertEquals(redis.exit(), goredis.exit(), "exit code of redis-cli " + String.join(" ", args));
        assertEquals(sortedLines(redis.output()), sortedLines(goredis.output()), "redis-cli " + String.join(" ", args));
    }

    private static String sortedLines(String s) {
        return s.lines().sorted().collect(Collectors.joining("\n"));
    }

    @Test
    void pipe_massInsertion() throws Exception {
        StringBuilder proto = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String key = "key:" + i;
            String value = "value:" + i;
            proto.append("*3\r\n$3\r\nSET\r\n$").append(key.length()).append("\r\n").append(key)
                    .append("\r\n$").append(value.length()).append("\r\n").append(value).append("\r\n");
        }
        // and one error in the middle of the stream
        proto.append("*2\r\n$4\r\nINCR\r\n$5\r\nkey:1\r\n");
        proto.append("*3\r\n$6\r\nAPPEND\r\n$5\r\nkey:1\r\n$1\r\n!\r\n");
        Run run = same(proto.toString().getBytes(StandardCharsets.US_ASCII), "--pipe");
        assertEquals(1, run.exit(), "one error in the stream: " + run.output());
        same("dbsize");
        same("get", "key:1");
        same("get", "key:9999");
    }

    @Test
    void bigkeys_sameSummary() throws Exception {
        same("mset", "small", "1", "medium", "12345", "large", "x".repeat(1000), "", "empty-key");
        same("set", "withttl", "abc", "ex", "100");
        same("-n", "1", "set", "otherdb", "x".repeat(5000));
        assertEquals(bigkeys(targets.redis()), bigkeys(targets.goredis()));
        same("--bigkeys", "-n", "1");
    }

    /** --bigkeys output without its progress lines, whose order follows the server's SCAN order. */
    private String bigkeys(Endpoint e) throws Exception {
        Run run = cli(e, null, "--bigkeys");
        return run.exit() + "\n" + run.output().lines()
                .filter(l -> !l.startsWith("["))
                .collect(Collectors.joining("\n"));
    }
}
