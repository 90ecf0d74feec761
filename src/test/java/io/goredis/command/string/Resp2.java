package io.goredis.command.string;

import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;

/** Test-only RESP2 rendering of a {@link Reply} as text (bytes as ISO-8859-1), to compare with redis-server. */
final class Resp2 {

    private Resp2() {}

    static String encode(Reply r) {
        StringBuilder sb = new StringBuilder();
        write(r, sb);
        return sb.toString();
    }

    private static void write(Reply r, StringBuilder sb) {
        switch (r) {
            case Reply.SimpleString s -> sb.append('+').append(s.value()).append("\r\n");
            case Reply.ErrorReply e -> sb.append('-').append(e.message()).append("\r\n");
            case Reply.IntReply i -> sb.append(':').append(i.value()).append("\r\n");
            case Reply.BulkReply b -> bulk(b.value(), sb);
            case Reply.NullReply n -> sb.append("$-1\r\n");
            case Reply.NullArray n -> sb.append("*-1\r\n");
            case Reply.ArrayReply a -> {
                sb.append('*').append(a.items().size()).append("\r\n");
                a.items().forEach(x -> write(x, sb));
            }
            case Reply.MapReply m -> {
                sb.append('*').append(2 * m.keys().size()).append("\r\n");
                for (int i = 0; i < m.keys().size(); i++) {
                    write(m.keys().get(i), sb);
                    write(m.values().get(i), sb);
                }
            }
            case Reply.SetReply s -> {
                sb.append('*').append(s.items().size()).append("\r\n");
                s.items().forEach(x -> write(x, sb));
            }
            case Reply.DoubleReply d -> bulk(d.text().getBytes(StandardCharsets.US_ASCII), sb);
            case Reply.VerbatimReply v -> bulk(v.value(), sb);
            case Reply.BoolReply bo -> sb.append(bo.value() ? ":1\r\n" : ":0\r\n");
            case Reply.Pinned p -> write(p.reply(), sb);
            case Reply.BigNumberReply n -> bulk(n.digits().getBytes(StandardCharsets.US_ASCII), sb);
        }
    }

    private static void bulk(byte[] v, StringBuilder sb) {
        sb.append('$').append(v.length).append("\r\n")
                .append(new String(v, StandardCharsets.ISO_8859_1)).append("\r\n");
    }
}
