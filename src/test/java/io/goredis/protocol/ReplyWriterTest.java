package io.goredis.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyWriterTest {

    private static String encode(Reply reply, int protocol) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReplyWriter w = new ReplyWriter(out);
        w.write(reply, protocol);
        w.flush();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static void both(Reply reply, String resp2, String resp3) throws IOException {
        assertEquals(resp2, encode(reply, 2), "RESP2");
        assertEquals(resp3, encode(reply, 3), "RESP3");
    }

    @Test
    void scalars() throws IOException {
        both(Reply.OK, "+OK\r\n", "+OK\r\n");
        both(Reply.error("ERR x"), "-ERR x\r\n", "-ERR x\r\n");
        both(Reply.integer(0), ":0\r\n", ":0\r\n");
        both(Reply.integer(-42), ":-42\r\n", ":-42\r\n");
        both(Reply.integer(Long.MAX_VALUE), ":9223372036854775807\r\n", ":9223372036854775807\r\n");
        both(Reply.integer(Long.MIN_VALUE), ":-9223372036854775808\r\n", ":-9223372036854775808\r\n");
        both(Reply.bulk("abc"), "$3\r\nabc\r\n", "$3\r\nabc\r\n");
        both(Reply.bulk(new byte[0]), "$0\r\n\r\n", "$0\r\n\r\n");
    }

    @Test
    void nulls() throws IOException {
        both(Reply.NULL, "$-1\r\n", "_\r\n");
        both(Reply.NULL_ARRAY, "*-1\r\n", "_\r\n");
    }

    @Test
    void aggregates() throws IOException {
        both(Reply.array(Reply.bulk("a"), Reply.integer(1)), "*2\r\n$1\r\na\r\n:1\r\n", "*2\r\n$1\r\na\r\n:1\r\n");
        both(Reply.EMPTY_ARRAY, "*0\r\n", "*0\r\n");
        both(new Reply.SetReply(List.of(Reply.bulk("x"))), "*1\r\n$1\r\nx\r\n", "~1\r\n$1\r\nx\r\n");
        both(new Reply.MapReply(List.of(Reply.bulk("k")), List.of(Reply.integer(7))),
                "*2\r\n$1\r\nk\r\n:7\r\n", "%1\r\n$1\r\nk\r\n:7\r\n");
    }

    @Test
    void resp3Types() throws IOException {
        both(new Reply.DoubleReply("1.5"), "$3\r\n1.5\r\n", ",1.5\r\n");
        both(new Reply.VerbatimReply("txt", "hi".getBytes(StandardCharsets.US_ASCII)), "$2\r\nhi\r\n", "=6\r\ntxt:hi\r\n");
        both(new Reply.BoolReply(true), ":1\r\n", "#t\r\n");
        both(new Reply.BoolReply(false), ":0\r\n", "#f\r\n");
    }

    @Test
    void lineBreaksInErrorsBecomeSpaces() throws IOException {
        both(Reply.error("ERR a\r\nb"), "-ERR a  b\r\n", "-ERR a  b\r\n");
        both(Reply.error("ERR é\nx"), "-ERR \u00c3\u00a9 x\r\n", "-ERR \u00c3\u00a9 x\r\n");
    }

    @Test
    void largeValuesPassThrough() throws IOException {
        String big = "v".repeat(100_000);
        assertEquals("$100000\r\n" + big + "\r\n", encode(Reply.bulk(big), 2));
        String longError = "ERR " + "e".repeat(40_000);
        assertEquals("-" + longError + "\r\n", encode(Reply.error(longError), 2));
    }

    @Test
    void batch_writtenOnceOnFlush() throws IOException {
        int[] writes = {0};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                writes[0]++;
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes[0]++;
                sink.write(b, off, len);
            }
        };
        ReplyWriter w = new ReplyWriter(counting);
        for (int i = 0; i < 100; i++) {
            w.write(Reply.PONG, 2);
        }
        assertEquals(700, w.pending());
        assertEquals(0, writes[0]);
        w.flush();
        assertEquals(1, writes[0]);
        assertEquals("+PONG\r\n".repeat(100), sink.toString(StandardCharsets.US_ASCII));
        w.writeRaw("-ERR x\r\n".getBytes(StandardCharsets.US_ASCII));
        w.flush();
        assertEquals(2, writes[0]);
    }
}
