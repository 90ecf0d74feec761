package io.goredis.store.dynamo;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * DynamoDB Local (com.amazonaws:DynamoDBLocal from the Maven repository) running in this JVM over
 * HTTP on loopback: in-memory, one shared database for every access key and region, telemetry off.
 * Used by {@link DynamoDbLocalExtension} in tests, and standalone (no Docker) by
 * {@code bench/dynamodb-local} and the local-cluster script:
 * <pre>
 *   java -cp "$(cat target/test-classpath.txt):target/test-classes" io.goredis.store.dynamo.DynamoDbLocal 8000
 * </pre>
 */
public final class DynamoDbLocal implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts on {@code port}; 0 picks a free ephemeral port. DynamoDB Local refuses port 0 and has
     * no accessor for the port it bound, so a free port is found first and the start retried on
     * the rare collision.
     */
    public static DynamoDbLocal start(int port) {
        Exception last = null;
        for (int attempt = 0; attempt < (port == 0 ? 5 : 1); attempt++) {
            int p = port == 0 ? freePort() : port;
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                        "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(p)});
                server.start();
                return new DynamoDbLocal(server, p);
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("could not start DynamoDB Local on port " + port + ": " + last, last);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop DynamoDB Local: " + e, e);
        }
    }

    /** Standalone: {@code DynamoDbLocal [port]} (default 8000); runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        DynamoDbLocal local = start(port);
        System.out.println("DynamoDB Local listening on " + local.endpoint()
                + " (in memory; any credentials, e.g. AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_REGION=us-east-1)");
        // On SIGTERM / Ctrl-C the JVM exits after this hook even though stop() leaves a
        // non-daemon scheduler thread behind.
        Runtime.getRuntime().addShutdownHook(new Thread(local::close, "dynamodb-local-stop"));
        new CountDownLatch(1).await();
    }
}
