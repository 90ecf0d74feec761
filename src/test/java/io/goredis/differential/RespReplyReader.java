package io.goredis.differential;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads exactly one RESP2/RESP3 reply from a (buffered) stream, keeping its raw bytes. Test-side
 * and deliberately independent of goredis's own protocol code, so it can judge it.
 */
public final class RespReplyReader {

    private final InputStream in;

    public RespReplyReader(InputStream in) {
        this.in = in;
    }

    /** The next reply; {@link EOFException} if the peer closed before a whole reply arrived. */
    public RespReply read() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        return read(raw);
    }

    private RespReply read(ByteArrayOutputStream parentRaw) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int t = in.read();
        if (t < 0) {
            throw new EOFException("connection closed");
        }
        raw.write(t);
        byte[] lineBytes = readLine(raw);
        String line = new String(lineBytes, StandardCharsets.ISO_8859_1);
        char type = (char) t;
        RespReply reply = switch (type) {
            case '+', '-', ':', ',', '#', '(', '_' ->
                    new RespReply(type, null, type == '_' ? null : lineBytes, List.of());
            case '$', '=', '!' -> {
                long len = parseLength(line);
                if (len < 0) {
                    yield new RespReply(type, null, null, List.of());
                }
                byte[] body = in.readNBytes((int) len);
                if (body.length != len) {
                    throw new EOFException("connection closed inside a bulk");
                }
                raw.write(body);
                expectCrlf(raw);
                yield new RespReply(type, null, body, List.of());
            }
            case '*', '~', '>', '%', '|' -> {
                long n = parseLength(line);
                if (n < 0) {
                    yield new RespReply(type, null, null, List.of());
                }
                long count = (type == '%' || type == '|') ? 2 * n : n;
                List<RespReply> children = new ArrayList<>();
                for (long i = 0; i < count; i++) {
                    children.add(read(raw));
                }
                yield new RespReply(type, null, null, List.copyOf(children));
            }
            default -> throw new IOException("not a RESP type byte: 0x" + Integer.toHexString(t)
                    + " followed by " + RespReply.escape(lineBytes, 80));
        };
        byte[] bytes = raw.toByteArray();
        parentRaw.write(bytes);
        return new RespReply(reply.type(), bytes, reply.payload(), reply.children());
    }

    private static long parseLength(String line) throws IOException {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IOException("bad RESP length: " + line, e);
        }
    }

    /** Reads up to CRLF; appends the line and the CRLF to raw, returns the line without it. */
    private byte[] readLine(ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a line");
            }
            if (b == '\r') {
                int lf = in.read();
                if (lf != '\n') {
                    throw new IOException("CR not followed by LF");
                }
                byte[] out = line.toByteArray();
                raw.write(out);
                raw.write('\r');
                raw.write('\n');
                return out;
            }
            line.write(b);
        }
    }

    private void expectCrlf(ByteArrayOutputStream raw) throws IOException {
        int cr = in.read();
        int lf = in.read();
        if (cr != '\r' || lf != '\n') {
            throw new IOException("bulk not terminated by CRLF");
        }
        raw.write(cr);
        raw.write(lf);
    }
}
