package io.goredis.command.hash;

import io.goredis.protocol.Reply;
import io.goredis.store.value.HashValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * HRANDFIELD's sampling, in the shape of Redis's {@code hrandfieldWithCountCommand}: repeated
 * picks; the whole hash when the count reaches its size; selection sampling (fields in hash order)
 * when the count is over a third of the size; otherwise random picks until enough distinct fields.
 */
final class RandomFields {

    private RandomFields() {}

    /** The chosen fields and their values, in reply order. */
    record Picked(List<byte[]> fields, List<byte[]> values) {

        Reply reply(boolean withValues, boolean pairs) {
            List<Reply> out = new ArrayList<>(withValues && !pairs ? 2 * fields.size() : fields.size());
            for (int i = 0; i < fields.size(); i++) {
                Reply field = Reply.bulk(fields.get(i));
                if (!withValues) {
                    out.add(field);
                } else if (pairs) {
                    out.add(Reply.array(field, Reply.bulk(values.get(i))));
                } else {
                    out.add(field);
                    out.add(Reply.bulk(values.get(i)));
                }
            }
            return Reply.array(out);
        }
    }

    /** {@code n} independent uniform picks (CASE 1). */
    static Picked repeated(HashValue hash, int n, RandomGenerator random) {
        List<byte[]> fields = new ArrayList<>(n);
        List<byte[]> values = new ArrayList<>(n);
        if (hash.encoding().equals("listpack")) {
            // at most 512 fields: read them once instead of walking the listpack per pick
            Picked all = all(hash);
            int size = all.fields().size();
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(size);
                fields.add(all.fields().get(pick));
                values.add(all.values().get(pick));
            }
        } else {
            for (int i = 0; i < n; i++) {
                byte[][] fv = hash.random(random);
                fields.add(fv[0]);
                values.add(fv[1]);
            }
        }
        return new Picked(fields, values);
    }

    /** {@code count} distinct fields, or all of them when the hash has no more (CASES 2 to 4). */
    static Picked distinct(HashValue hash, long count, RandomGenerator random) {
        long size = hash.size();
        if (count == 1) {
            return repeated(hash, 1, random);
        }
        if (count >= size) {
            return all(hash);
        }
        int want = (int) count;
        if (count * 3 > size) {
            return select(all(hash), want, random);
        }
        Map<ByteBuffer, byte[][]> chosen = new LinkedHashMap<>();
        while (chosen.size() < want) {
            byte[][] fv = hash.random(random);
            chosen.putIfAbsent(ByteBuffer.wrap(fv[0]), fv);
        }
        List<byte[]> fields = new ArrayList<>(want);
        List<byte[]> values = new ArrayList<>(want);
        for (byte[][] fv : chosen.values()) {
            fields.add(fv[0]);
            values.add(fv[1]);
        }
        return new Picked(fields, values);
    }

    /** Every field and value in the hash's order. */
    private static Picked all(HashValue hash) {
        List<byte[]> fields = new ArrayList<>((int) hash.size());
        List<byte[]> values = new ArrayList<>((int) hash.size());
        hash.forEach((f, v) -> {
            fields.add(f);
            values.add(v);
        });
        return new Picked(fields, values);
    }

    /** Knuth's selection sampling: {@code want} of {@code all}, each subset equally likely, in order. */
    private static Picked select(Picked all, int want, RandomGenerator random) {
        List<byte[]> fields = new ArrayList<>(want);
        List<byte[]> values = new ArrayList<>(want);
        int size = all.fields().size();
        for (int i = 0; i < size && fields.size() < want; i++) {
            if (random.nextInt(size - i) < want - fields.size()) {
                fields.add(all.fields().get(i));
                values.add(all.values().get(i));
            }
        }
        return new Picked(fields, values);
    }
}
