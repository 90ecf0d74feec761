package io.goredis.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A reply as a value. Commands return one; {@link ReplyWriter} encodes it as RESP2 or RESP3
 * depending on the session's protocol. The set is sealed so the writer's switch stays exhaustive.
 *
 * <p>RESP2 encodings of RESP3-only types: {@link MapReply} becomes a flat array, {@link SetReply} an
 * array, {@link DoubleReply} and {@link VerbatimReply} a bulk string, {@link NullReply} {@code $-1}
 * and {@link NullArray} {@code *-1}, {@link BoolReply} an integer 1/0.
 */
public sealed interface Reply {

    /** {@code +OK} */
    record SimpleString(String value) implements Reply {}

    /** {@code -ERR ...}: {@code message} is everything after the dash, code included. */
    record ErrorReply(String message) implements Reply {}

    /** {@code :42} */
    record IntReply(long value) implements Reply {}

    /** {@code $3\r\nabc} — binary safe. */
    record BulkReply(byte[] value) implements Reply {}

    /** Null bulk: RESP2 {@code $-1}, RESP3 {@code _}. */
    record NullReply() implements Reply {}

    /** Null array: RESP2 {@code *-1}, RESP3 {@code _}. */
    record NullArray() implements Reply {}

    /** {@code *N} followed by the elements. */
    record ArrayReply(List<Reply> items) implements Reply {}

    /** RESP3 {@code %N}; RESP2 a flat array of 2N elements. */
    record MapReply(List<Reply> keys, List<Reply> values) implements Reply {
        public MapReply {
            if (keys.size() != values.size()) {
                throw new IllegalArgumentException("map keys and values differ in size");
            }
        }
    }

    /** RESP3 {@code ~N}; RESP2 an array. */
    record SetReply(List<Reply> items) implements Reply {}

    /** RESP3 {@code ,<double>}; RESP2 a bulk string of {@code text}. */
    record DoubleReply(String text) implements Reply {}

    /** RESP3 {@code =N\r\ntxt:...}; RESP2 a bulk string. {@code format} is three characters, e.g. "txt". */
    record VerbatimReply(String format, byte[] value) implements Reply {}

    /** RESP3 {@code #t}/{@code #f}; RESP2 {@code :1}/{@code :0}. */
    record BoolReply(boolean value) implements Reply {}

    /** RESP3 {@code (<digits>}; RESP2 a bulk string of {@code digits}. */
    record BigNumberReply(String digits) implements Reply {}

    /**
     * {@code reply} encoded with RESP {@code protocol} whatever the session speaks when it is
     * written: a reply produced inside EXEC before a HELLO switched the protocol, as Redis wrote it.
     */
    record Pinned(Reply reply, int protocol) implements Reply {}

    // --- shared instances and helpers ---------------------------------------------------------

    Reply OK = new SimpleString("OK");
    Reply PONG = new SimpleString("PONG");
    Reply NULL = new NullReply();
    Reply NULL_ARRAY = new NullArray();
    Reply ZERO = new IntReply(0);
    Reply ONE = new IntReply(1);
    Reply EMPTY_ARRAY = new ArrayReply(List.of());

    static Reply error(String message) {
        return new ErrorReply(message);
    }

    static Reply integer(long value) {
        return value == 0 ? ZERO : value == 1 ? ONE : new IntReply(value);
    }

    static Reply bulk(byte[] value) {
        return new BulkReply(value);
    }

    static Reply bulk(String value) {
        return new BulkReply(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bulk string, or a null bulk when {@code value} is null. */
    static Reply bulkOrNull(byte[] value) {
        return value == null ? NULL : new BulkReply(value);
    }

    static Reply array(List<? extends Reply> items) {
        return new ArrayReply(List.copyOf(items));
    }

    static Reply array(Reply... items) {
        return new ArrayReply(List.of(items));
    }
}
