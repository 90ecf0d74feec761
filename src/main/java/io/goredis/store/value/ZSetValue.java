package io.goredis.store.value;

import java.util.Arrays;

/**
 * A sorted set: binary-safe members, each with a double score, in Redis's order (score, then
 * member bytes). The elements live in a {@link ScoreTree}; while the set is small (at most
 * {@link #MAX_LISTPACK_ENTRIES} members, none longer than {@link #MAX_LISTPACK_VALUE} bytes, Redis
 * 7.0's {@code zset-max-listpack-*}) that is all, and a member is found by a walk, as in Redis's
 * listpack; past either limit a {@link ByteTable} from member to score is added, for good, as
 * Redis's skiplist encoding pairs its skiplist with a dict. Then member lookups are O(1) and
 * updates, ranks and bound searches O(log n). Scores are never NaN (commands refuse it). Mutable
 * and not thread-safe: see {@link Value} for who may change one.
 */
public final class ZSetValue implements Value {

    /** Redis 7.0's zset-max-listpack-entries default. */
    public static final int MAX_LISTPACK_ENTRIES = 128;
    /** Redis 7.0's zset-max-listpack-value default. */
    public static final int MAX_LISTPACK_VALUE = 64;
    private static final long OVERHEAD = 48;

    /** Receives elements: a member and its score. */
    @FunctionalInterface
    public interface Visitor {
        void accept(byte[] member, double score);
    }

    private final ScoreTree tree;
    private ByteTable table; // member -> score, once large
    private long payload; // member bytes, while small (the table counts its own)

    public ZSetValue() {
        tree = new ScoreTree();
    }

    /** An empty sorted set already in the skiplist encoding (decoding a stored large one). */
    static ZSetValue large(int expected) {
        ZSetValue z = new ZSetValue();
        z.table = ByteTable.scored(expected);
        return z;
    }

    @Override
    public Type type() {
        return Type.ZSET;
    }

    @Override
    public long weight() {
        return OVERHEAD + tree.weight() + (table == null ? payload + 16 * size() : table.weight());
    }

    @Override
    public ZSetValue copy() {
        ZSetValue z = table == null ? new ZSetValue() : large((int) size());
        tree.forEach(z::add);
        return z;
    }

    @Override
    public String encoding() {
        return table == null ? "listpack" : "skiplist";
    }

    @Override
    public long size() {
        return tree.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The score of {@code member}, or null when absent. */
    public Double score(byte[] member) {
        if (table != null) {
            int slot = table.slotOf(member);
            return slot < 0 ? null : table.scoreAt(slot);
        }
        double s = tree.scanFor(member);
        return Double.isNaN(s) ? null : s;
    }

    /**
     * Sets {@code member}'s score (the member array is kept, not copied); true if it was new.
     * {@code score} must not be NaN.
     */
    public boolean add(byte[] member, double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("NaN score");
        }
        if (table == null && score == 0) {
            score = 0.0; // a listpack keeps an integral score as an integer: -0 reads back as 0
        }
        Double old = score(member);
        if (old != null) {
            if (old != score) { // numerically: -0 and 0 are the same score, as in Redis
                tree.remove(old, member);
                tree.insert(score, member);
                if (table != null) {
                    table.putScore(member, score);
                }
            }
            return false;
        }
        if (table == null && (size() + 1 > MAX_LISTPACK_ENTRIES || member.length > MAX_LISTPACK_VALUE)) {
            toTable();
        }
        tree.insert(score, member);
        if (table != null) {
            table.putScore(member, score);
        } else {
            payload += member.length;
        }
        return true;
    }

    /** Removes {@code member}; true if it was present. */
    public boolean remove(byte[] member) {
        Double old = score(member);
        if (old == null) {
            return false;
        }
        tree.remove(old, member);
        if (table != null) {
            table.remove(member);
        } else {
            payload -= member.length;
        }
        return true;
    }

    private void toTable() {
        ByteTable t = ByteTable.scored((int) size() + 1);
        tree.forEach(t::putScore);
        table = t;
        payload = 0;
    }

    /** The 0-based rank of {@code member} in ascending order, or -1 when absent. */
    public long rank(byte[] member) {
        Double s = score(member);
        return s == null ? -1 : tree.rank(s, member);
    }

    /**
     * How many elements score below {@code score} ({@code inclusive}: at or below). So an
     * inclusive min bound starts at rank {@code countByScore(min, false)}, an exclusive one at
     * {@code countByScore(min, true)}; an inclusive max bound ends before rank
     * {@code countByScore(max, true)}, an exclusive one before {@code countByScore(max, false)}.
     */
    public long countByScore(double score, boolean inclusive) {
        return inclusive ? tree.rank((s, m) -> s > score) : tree.rank((s, m) -> s >= score);
    }

    /**
     * How many elements sort before {@code member} by member bytes ({@code inclusive}: at or
     * before), assuming, as Redis's lex commands do, that all scores are equal. Used as
     * {@link #countByScore} is.
     */
    public long countByLex(byte[] member, boolean inclusive) {
        return inclusive
                ? tree.rank((s, m) -> Arrays.compareUnsigned(m, member) > 0)
                : tree.rank((s, m) -> Arrays.compareUnsigned(m, member) >= 0);
    }

    /**
     * Visits ranks {@code from} to {@code to} inclusive (0-based, clamped to the set), ascending
     * or, when {@code reverse}, from {@code to} down to {@code from}. O(log n + m).
     */
    public void range(long from, long to, boolean reverse, Visitor visitor) {
        long lo = Math.max(0, from);
        long hi = Math.min(size() - 1, to);
        if (lo <= hi) {
            tree.range(lo, hi, reverse, visitor::accept);
        }
    }

    /** Removes ranks {@code from} to {@code to} inclusive (clamped); answers how many went. */
    public long removeRange(long from, long to) {
        long lo = Math.max(0, from);
        long hi = Math.min(size() - 1, to);
        if (lo > hi) {
            return 0;
        }
        byte[][] members = new byte[(int) (hi - lo + 1)][];
        int[] n = {0};
        tree.range(lo, hi, false, (m, s) -> members[n[0]++] = m);
        for (byte[] m : members) {
            remove(m);
        }
        return members.length;
    }

    /** Every element in ascending order. */
    public void forEach(Visitor visitor) {
        tree.forEach(visitor::accept);
    }

    /**
     * One ZSCAN step: the compact encoding answers every element with cursor 0, as Redis does;
     * the large one walks the member table with SCAN's cursor (see {@link ByteTable#scan}).
     */
    public long scan(long cursor, int count, Visitor visitor) {
        if (table == null) {
            forEach(visitor);
            return 0;
        }
        return table.scanSlots(cursor, count, slot -> visitor.accept(table.keyAt(slot), table.scoreAt(slot)));
    }
}
