package io.goredis.differential;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One raw client connection: writes requests, reads exactly one reply at a time. */
public final class RespConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final BufferedInputStream in;
    private final RespReplyReader reader;

    public RespConnection(Endpoint endpoint, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        reader = new RespReplyReader(in);
    }

    /** The request as a RESP multibulk: {@code *N $len arg ...}. */
    public static byte[] multibulk(List<byte[]> args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(a);
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return b.toByteArray();
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public RespReply read() throws IOException {
        return reader.read();
    }

    public RespReply call(List<byte[]> args) throws IOException {
        send(multibulk(args));
        return read();
    }

    public RespReply call(String... args) throws IOException {
        return call(java.util.Arrays.stream(args).map(a -> a.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** True if the server closes the connection (EOF) within the socket timeout. */
    public boolean closedByPeer() {
        try {
            socket.setSoTimeout(2000);
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset counts as closed
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket: nothing left to do
        }
    }
}
