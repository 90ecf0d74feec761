package io.goredis.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain socket client for byte-exact tests: {@link #send} writes raw bytes, {@link #readReply}
 * returns exactly one RESP2/RESP3 reply as the bytes received (decoded ISO-8859-1 so every byte
 * survives). Reads time out after 5 s so a missing reply fails the test instead of hanging it.
 */
public final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public RawClient send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawClient send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return this;
    }

    /** Sends a command as a RESP multibulk. */
    public RawClient command(String... words) throws IOException {
        StringBuilder sb = new StringBuilder("*").append(words.length).append("\r\n");
        for (String w : words) {
            sb.append('$').append(w.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(w).append("\r\n");
        }
        return send(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a command and returns its reply. */
    public String call(String... words) throws IOException {
        return command(words).readReply();
    }

    /** One complete reply, as received. */
    public String readReply() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        readValue(buf);
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** True once the server has closed the connection (reads EOF). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true; // reset by peer
        }
    }

    private void readValue(ByteArrayOutputStream buf) throws IOException {
        String line = readLine(buf);
        char type = line.charAt(0);
        String rest = line.substring(1);
        switch (type) {
            case '+', '-', ':', ',', '_', '#', '(' -> { }
            case '$', '=', '!' -> {
                int n = Integer.parseInt(rest);
                if (n >= 0) {
                    buf.write(in.readNBytes(n + 2));
                }
            }
            case '*', '~', '>' -> {
                int n = Integer.parseInt(rest);
                for (int i = 0; i < n; i++) {
                    readValue(buf);
                }
            }
            case '%', '|' -> {
                int n = Integer.parseInt(rest);
                for (int i = 0; i < 2 * n; i++) {
                    readValue(buf);
                }
            }
            default -> throw new IOException("not a RESP type: " + line);
        }
    }

    private String readLine(ByteArrayOutputStream buf) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed; got so far: " + buf.toString(StandardCharsets.ISO_8859_1) + sb);
            }
            buf.write(b);
            if (b == '\n' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
                return sb.substring(0, sb.length() - 1);
            }
            sb.append((char) b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
