package io.goredis.differential;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real redis-server (the Debian package), started for the tests on a free loopback port with
 * persistence off, and stopped (by its own pid) on close. Redis cannot bind port 0 and report it,
 * so a free port is picked first; a lost race is retried on another port.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisServerProcess.class);

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public Endpoint endpoint() {
        return new Endpoint("redis-server", "127.0.0.1", port);
    }

    /** The redis-server binary on PATH, or null if there is none. */
    public static Path findBinary(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public static RedisServerProcess start(Path binary, Path logDir, String... extraArgs) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Files.createDirectories(logDir);
            Path logFile = logDir.resolve("redis-server-" + port + ".log");
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(binary.toString(),
                    "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no",
                    "--dir", logDir.toAbsolutePath().toString()));
            cmd.addAll(java.util.List.of(extraArgs));
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            if (awaitPing(port, p, Duration.ofSeconds(10))) {
                log.info("redis-server pid {} listening on 127.0.0.1:{}", p.pid(), port);
                return new RedisServerProcess(p, port);
            }
            p.destroyForcibly();
            last = new IOException("redis-server did not answer PING on port " + port + "; see " + logFile);
        }
        throw last;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean awaitPing(int port, Process p, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                s.setSoTimeout(1000);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] buf = new byte[7];
                int n = s.getInputStream().readNBytes(buf, 0, 7);
                String reply = new String(buf, 0, n, StandardCharsets.US_ASCII);
                if (reply.equals("+PONG\r\n") || reply.startsWith("-NOAUTH")) { // up (with a password, locked)
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            }
            try {
                Thread.sleep(20); // polling a child process's start-up, with a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: redis-server shuts down cleanly
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                log.warn("redis-server pid {} ignored SIGTERM for 5 s; killing it", process.pid());
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
