package io.goredis.store.value;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A value's bytes as the DynamoDB layout stores them (attribute {@code v}, its type in {@code t}).
 * A string is its bytes, unchanged. A collection is one byte saying whether it had left its compact
 * encoding (so OBJECT ENCODING survives the round trip), a varint count, then each string as a
 * varint length and its bytes: field, value, ... for a hash; members for a set; elements, head
 * first, for a list; for a sorted set, in ascending order, each member then its score as the 8
 * bytes of the IEEE double, big-endian.
 */
public final class ValueCodec {

    private ValueCodec() {}

    public static byte[] encode(Value value) {
        return switch (value) {
            case StringValue s -> s.bytes();
            case HashValue h -> {
                Out out = new Out(value, h.size());
                h.forEach((f, v) -> {
                    out.string(f);
                    out.string(v);
                });
                yield out.bytes();
            }
            case SetValue s -> {
                Out out = new Out(value, s.size());
                s.forEach(out::string);
                yield out.bytes();
            }
            case ListValue l -> {
                Out out = new Out(value, l.size());
                l.forEach(out::string);
                yield out.bytes();
            }
            case ZSetValue z -> {
                Out out = new Out(value, z.size());
                z.forEach((m, s) -> {
                    out.string(m);
                    out.score(s);
                });
                yield out.bytes();
            }
        };
    }

    /** The value of type {@code type} that {@code bytes} encode; IllegalArgumentException if malformed. */
    public static Value decode(Type type, byte[] bytes) {
        switch (type) {
            case STRING:
                return StringValue.of(bytes);
            case HASH: {
                In in = new In(bytes);
                boolean large = in.flag();
                int n = in.count();
                HashValue h = large ? HashValue.large(n) : new HashValue();
                for (int i = 0; i < n; i++) {
                    h.put(in.string(), in.string());
                }
                in.end();
                return h;
            }
            case SET: {
                In in = new In(bytes);
                boolean large = in.flag();
                int n = in.count();
                SetValue s = large ? SetValue.large(n) : new SetValue();
                for (int i = 0; i < n; i++) {
                    s.add(in.string());
                }
                in.end();
                return s;
            }
            case LIST: {
                In in = new In(bytes);
                in.flag();
                int n = in.count();
                ListValue l = new ListValue();
                for (int i = 0; i < n; i++) {
                    l.pushBack(in.string());
                }
                in.end();
                return l;
            }
            case ZSET: {
                In in = new In(bytes);
                boolean large = in.flag();
                int n = in.count();
                ZSetValue z = large ? ZSetValue.large(n) : new ZSetValue();
                for (int i = 0; i < n; i++) {
                    byte[] member = in.string();
                    double score = in.score();
                    if (Double.isNaN(score)) {
                        throw new IllegalArgumentException("malformed sorted set: NaN score");
                    }
                    z.add(member, score);
                }
                in.end();
                return z;
            }
            default:
                throw new IllegalArgumentException("no codec for type " + type);
        }
    }

    private static final class Out {
        private final ByteArrayOutputStream out;

        Out(Value value, long count) {
            out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16, value.weight()));
            String encoding = value.encoding();
            out.write(encoding.equals("hashtable") || encoding.equals("skiplist") ? 1 : 0);
            varint(count);
        }

        void string(byte[] s) {
            varint(s.length);
            out.write(s, 0, s.length);
        }

        void score(double s) {
            long bits = Double.doubleToRawLongBits(s);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (bits >>> shift));
            }
        }

        private void varint(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static final class In {
        private final byte[] b;
        private int pos;

        In(byte[] b) {
            this.b = b;
        }

        boolean flag() {
            if (pos >= b.length || (b[pos] & 0xff) > 1) {
                throw new IllegalArgumentException("malformed collection value");
            }
            return b[pos++] == 1;
        }

        int count() {
            long n = varint();
            if (n > b.length) {
                throw new IllegalArgumentException("malformed collection value: count " + n);
            }
            return (int) n;
        }

        byte[] string() {
            long n = varint();
            if (n > b.length - pos) {
                throw new IllegalArgumentException("malformed collection value: truncated");
            }
            byte[] s = Arrays.copyOfRange(b, pos, pos + (int) n);
            pos += (int) n;
            return s;
        }

        double score() {
            if (b.length - pos < 8) {
                throw new IllegalArgumentException("malformed collection value: truncated");
            }
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (b[pos++] & 0xff);
            }
            return Double.longBitsToDouble(bits);
        }

        private long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= b.length) {
                    throw new IllegalArgumentException("malformed collection value: truncated");
                }
                byte x = b[pos++];
                v |= (long) (x & 0x7f) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("malformed collection value: bad length");
        }

        void end() {
            if (pos != b.length) {
                throw new IllegalArgumentException("malformed collection value: trailing bytes");
            }
        }
    }
}
