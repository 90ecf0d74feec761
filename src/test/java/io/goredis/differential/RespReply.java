package io.goredis.differential;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One RESP2/RESP3 reply as read off the wire: its raw bytes (what the byte-for-byte comparison
 * uses) plus just enough structure for the looser comparison modes.
 *
 * @param type     the type byte: {@code + - : $ * _ , # ( = % ~ > |}
 * @param raw      every byte of the reply, children included
 * @param payload  the line of a simple type, or the content of a bulk / verbatim string; null for
 *                 aggregates and nulls ({@code $-1}, {@code *-1})
 * @param children elements of an aggregate (a map's keys and values alternate); empty otherwise
 */
public record RespReply(char type, byte[] raw, byte[] payload, List<RespReply> children) {

    public boolean isAggregate() {
        return type == '*' || type == '%' || type == '~' || type == '>' || type == '|';
    }

    public boolean isError() {
        return type == '-' || type == '!';
    }

    /** The payload as text (ISO-8859-1 keeps every byte), or "" when there is none. */
    public String text() {
        return payload == null ? "" : new String(payload, StandardCharsets.ISO_8859_1);
    }

    /** The raw bytes, escaped for a readable mismatch message (like redis-cli's quoting). */
    public String printable() {
        return escape(raw, 300);
    }

    static String escape(byte[] bytes, int max) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(bytes.length, max);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (b < 0x20 || b >= 0x7f) {
                        sb.append(String.format("\\x%02x", b));
                    } else {
                        sb.append((char) b);
                    }
                }
            }
        }
        if (bytes.length > max) {
            sb.append("...(").append(bytes.length).append(" bytes)");
        }
        return sb.toString();
    }
}
