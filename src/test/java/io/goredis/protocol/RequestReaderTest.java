package io.goredis.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private static RequestReader reader(String bytes) {
        return new RequestReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static List<String> words(List<byte[]> argv) {
        List<String> out = new ArrayList<>();
        for (byte[] b : argv) {
            out.add(new String(b, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static List<String> one(String bytes) throws Exception {
        return words(reader(bytes).read(true));
    }

    private static String error(String bytes, boolean authenticated) {
        return assertThrows(ProtocolException.class, () -> reader(bytes).read(authenticated)).getMessage();
    }

    /** Delivers at most {@code chunk} bytes per read, to split frames anywhere. */
    private static InputStream trickle(String bytes, int chunk) {
        byte[] data = bytes.getBytes(StandardCharsets.ISO_8859_1);
        return new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < data.length ? data[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), data.length - pos);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void multibulk_simple() throws Exception {
        assertEquals(List.of("SET", "k", "v"), one("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n"));
    }

    @Test
    void multibulk_binaryAndEmpty() throws Exception {
        List<byte[]> argv = reader("*3\r\n$4\r\nECHO\r\n$4\r\na\r\nb\r\n$0\r\n\r\n").read(true);
        assertArrayEquals("a\r\nb".getBytes(StandardCharsets.ISO_8859_1), argv.get(1));
        assertEquals(0, argv.get(2).length);
    }

    @Test
    void multibulk_zeroAndNegativeCountSkipped() throws Exception {
        assertEquals(List.of("PING"), one("*0\r\n*-1\r\n*1\r\n$4\r\nPING\r\n"));
    }

    @Test
    void multibulk_splitAtEveryByte() throws Exception {
        String frame = "*2\r\n$4\r\nECHO\r\n$11\r\nhello world\r\n*1\r\n$4\r\nPING\r\n";
        RequestReader r = new RequestReader(trickle(frame, 1));
        assertEquals(List.of("ECHO", "hello world"), words(r.read(true)));
        assertEquals(List.of("PING"), words(r.read(true)));
        assertNull(r.read(true));
    }

    @Test
    void multibulk_largeBulkBeyondBuffer() throws Exception {
        String big = "x".repeat(100_000);
        RequestReader r = new RequestReader(trickle("*2\r\n$4\r\nECHO\r\n$100000\r\n" + big + "\r\n", 7000));
        assertEquals(big, words(r.read(true)).get(1));
    }

    @Test
    void multibulk_bulkOverOneMegabyteGrowsAsItArrives() throws Exception {
        String big = "y".repeat(3 * 1024 * 1024 + 5);
        RequestReader r = new RequestReader(trickle("*2\r\n$4\r\nECHO\r\n$" + big.length() + "\r\n" + big + "\r\n", 100_000));
        assertEquals(big, words(r.read(true)).get(1));
        assertThrows(EOFException.class, () -> reader("*1\r\n$536870912\r\nabc").read(true));
    }

    @Test
    void multibulk_manyRequestsInOneBuffer() throws Exception {
        RequestReader r = reader("*1\r\n$4\r\nPING\r\n".repeat(3));
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("PING"), words(r.read(true)));
            assertEquals(i < 2, r.hasBuffered());
        }
        assertNull(r.read(true));
    }

    @Test
    void multibulk_trailingBytesAfterBulkNotChecked() throws Exception {
        // Redis skips the two bytes after a bulk's payload without looking at them
        assertEquals(List.of("PING"), one("*1\r\n$4\r\nPINGxx"));
    }

    @Test
    void multibulk_errors() {
        assertEquals("invalid multibulk length", error("*x\r\n", true));
        assertEquals("invalid multibulk length", error("*\r\n", true));
        assertEquals("invalid multibulk length", error("*+1\r\n", true));
        assertEquals("invalid multibulk length", error("*2147483648\r\n", true));
        assertEquals("expected '$', got 'x'", error("*1\r\nx3\r\nfoo\r\n", true));
        assertEquals("invalid bulk length", error("*1\r\n$-1\r\n", true));
        assertEquals("invalid bulk length", error("*1\r\n$abc\r\n", true));
        assertEquals("invalid bulk length", error("*1\r\n$536870913\r\n", true));
        assertEquals("too big mbulk count string", error("*" + "1".repeat(70_000), true));
        assertEquals("too big bulk count string", error("*1\r\n$" + "1".repeat(70_000), true));
    }

    @Test
    void multibulk_unauthenticatedLimits() throws Exception {
        assertEquals("unauthenticated multibulk length", error("*11\r\n", false));
        assertEquals("unauthenticated bulk length", error("*1\r\n$16385\r\n", false));
        assertEquals(10, reader("*10\r\n" + "$1\r\na\r\n".repeat(10)).read(false).size());
        assertEquals(16384, reader("*1\r\n$16384\r\n" + "a".repeat(16384) + "\r\n").read(false).get(0).length);
    }

    @Test
    void multibulk_eofInsideFrame() {
        assertThrows(EOFException.class, () -> reader("*2\r\n$4\r\nECHO\r\n").read(true));
        assertThrows(EOFException.class, () -> reader("*1\r\n$4\r\nPI").read(true));
    }

    @Test
    void eof_beforeAnything() throws Exception {
        assertNull(reader("").read(true));
        assertNull(reader("PING").read(true)); // an inline line without newline is not a request
    }

    @Test
    void inline_whitespaceSplit() throws Exception {
        assertEquals(List.of("SET", "a", "b"), one("SET  a\tb\r\n"));
        assertEquals(List.of("PING"), one("PING\n"));
    }

    @Test
    void inline_emptyLinesIgnored() throws Exception {
        assertEquals(List.of("PING"), one("\r\n\n  \r\nPING\r\n"));
    }

    @Test
    void inline_doubleQuotesAndEscapes() throws Exception {
        assertEquals(List.of("SET", "a", "b c"), one("SET a \"b c\"\r\n"));
        assertEquals(List.of("\n\r\t\b\u0007\"\\z"), one("\"\\n\\r\\t\\b\\a\\\"\\\\\\z\"\r\n"));
        assertEquals(List.of("A\u00ff"), one("\"\\x41\\xfF\"\r\n"));
        assertEquals(List.of("\\xZZ".substring(1)), one("\"\\xZZ\"\r\n")); // not hex: backslash escapes the x
        assertEquals(List.of(""), one("\"\"\r\n"));
    }

    @Test
    void inline_singleQuotes() throws Exception {
        assertEquals(List.of("it's", "a\\nb"), one("'it\\'s' 'a\\nb'\r\n"));
    }

    @Test
    void inline_quoteInsideWordJoins() throws Exception {
        assertEquals(List.of("ab c"), one("a\"b c\"\r\n"));
    }

    @Test
    void inline_nulEndsLine() throws Exception {
        assertEquals(List.of("PING"), one("PING\0 ignored\r\n"));
    }

    @Test
    void inline_errors() {
        assertEquals("unbalanced quotes in request", error("SET a \"b\r\n", true));
        assertEquals("unbalanced quotes in request", error("SET a 'b\r\n", true));
        assertEquals("unbalanced quotes in request", error("SET a \"b\"c\r\n", true));
        assertEquals("unbalanced quotes in request", error("SET a 'b'c\r\n", true));
        assertEquals("too big inline request", error("x".repeat(70_000), true));
        assertEquals("too big inline request", error("x".repeat(90_000) + "\r\n", true));
    }

    @Test
    void inline_longLineAcceptedWhileUnder64KbWasBufferedWithoutItsEnd() throws Exception {
        // as Redis: 16 KB reads, the check fires only once more than 64 KB arrived without a newline
        assertEquals(70_000, one("x".repeat(70_000) + "\r\n").get(0).length());
    }

    @Test
    void inline_splitAcrossReads() throws Exception {
        RequestReader r = new RequestReader(trickle("ECHO \"split here\"\r\nPING\r\n", 3));
        assertEquals(List.of("ECHO", "split here"), words(r.read(true)));
        assertEquals(List.of("PING"), words(r.read(true)));
    }

    @Test
    void mixed_inlineThenMultibulk() throws Exception {
        RequestReader r = reader("PING\r\n*1\r\n$4\r\nPING\r\nECHO x\n");
        assertEquals(List.of("PING"), words(r.read(true)));
        assertEquals(List.of("PING"), words(r.read(true)));
        assertEquals(List.of("ECHO", "x"), words(r.read(true)));
        assertFalse(r.hasBuffered());
    }

    @Test
    void constructor_rejectsBadLimit() {
        assertThrows(IllegalArgumentException.class, () -> new RequestReader(InputStream.nullInputStream(), 0));
    }

    @Test
    void bulkLimit_configurable() throws IOException {
        RequestReader r = new RequestReader(new ByteArrayInputStream("*1\r\n$11\r\n".getBytes(StandardCharsets.US_ASCII)), 10);
        ProtocolException e = assertThrows(ProtocolException.class, () -> r.read(true));
        assertTrue(e.getMessage().contains("invalid bulk length"));
    }
}
