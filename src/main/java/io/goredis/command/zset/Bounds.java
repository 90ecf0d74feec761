package io.goredis.command.zset;

import io.goredis.command.CommandException;
import io.goredis.store.value.ZSetValue;
import java.util.Arrays;

/**
 * The range arguments of the sorted-set commands, turned into a window of ascending ranks
 * {@code [from, to)} over a {@link ZSetValue}: scores as {@code zslParseRange} reads them
 * ({@code (} exclusive, "inf"/"-inf"), lex bounds as {@code zslParseLexRange} ({@code [} inclusive,
 * {@code (} exclusive, {@code -} and {@code +} the ends). Finding a window is O(log n).
 */
final class Bounds {

    static final String NOT_FLOAT = "ERR min or max is not a float";
    static final String NOT_LEX = "ERR min or max not valid string range item";

    private Bounds() {}

    /** A window of ascending ranks, {@code from} inclusive to {@code to} exclusive (empty when from >= to). */
    record Window(long from, long to) {
        long size() {
            return Math.max(0, to - from);
        }
    }

    /** A parsed range: answers its window over a set. */
    interface Range {
        Window over(ZSetValue z);
    }

    record ScoreRange(double min, boolean minExclusive, double max, boolean maxExclusive) implements Range {
        @Override
        public Window over(ZSetValue z) {
            long from = z.countByScore(min, minExclusive);
            long to = z.countByScore(max, !maxExclusive);
            return new Window(from, to);
        }
    }

    /** {@code min}/{@code max} null: the {@code -}/{@code +} ends. */
    record LexRange(byte[] min, boolean minExclusive, boolean minIsMax, byte[] max, boolean maxExclusive,
                    boolean maxIsMin) implements Range {
        @Override
        public Window over(ZSetValue z) {
            long from = minIsMax ? z.size() : min == null ? 0 : z.countByLex(min, minExclusive);
            long to = maxIsMin ? 0 : max == null ? z.size() : z.countByLex(max, !maxExclusive);
            return new Window(from, to);
        }
    }

    static ScoreRange scores(byte[] min, byte[] max) {
        boolean minEx = min.length > 0 && min[0] == '(';
        boolean maxEx = max.length > 0 && max[0] == '(';
        Double lo = Scores.tryParseBound(minEx ? Arrays.copyOfRange(min, 1, min.length) : min);
        Double hi = Scores.tryParseBound(maxEx ? Arrays.copyOfRange(max, 1, max.length) : max);
        if (lo == null || hi == null) {
            throw new CommandException(NOT_FLOAT);
        }
        return new ScoreRange(lo, minEx, hi, maxEx);
    }

    static LexRange lex(byte[] min, byte[] max) {
        if (!validLex(min) || !validLex(max)) {
            throw new CommandException(NOT_LEX);
        }
        return new LexRange(item(min), min[0] == '(', min[0] == '+', item(max), max[0] == '(', max[0] == '-');
    }

    private static boolean validLex(byte[] b) {
        if (b.length == 0) {
            return false;
        }
        return b[0] == '(' || b[0] == '[' || ((b[0] == '+' || b[0] == '-') && b.length == 1);
    }

    private static byte[] item(byte[] b) {
        return b[0] == '+' || b[0] == '-' ? null : Arrays.copyOfRange(b, 1, b.length);
    }

    /** Redis's rank arguments: negative from the end, clamped; an empty window when start > end. */
    static Window ranks(long start, long end, long size) {
        if (start < 0) {
            start = size + start;
        }
        if (end < 0) {
            end = size + end;
        }
        if (start < 0) {
            start = 0;
        }
        if (start > end || start >= size) {
            return new Window(0, 0);
        }
        if (end >= size) {
            end = size - 1;
        }
        return new Window(start, end + 1);
    }
}
