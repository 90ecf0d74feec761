package io.goredis.command.bitmap;

import io.goredis.store.value.StringValue;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code BITOP AND|OR|XOR|NOT destkey key [key ...]}: combines the sources byte by byte (a shorter
 * or absent source counts as zero bytes) into {@code destkey}, as long as the longest source, and
 * answers that length. The destination loses its expiry; an empty result deletes it. NOT takes
 * exactly one source.
 *
 * <p>Sources and destination are read and written in one {@code Store.updateAll}, so the result is
 * computed from one consistent state on every store; a key given several times is read once.
 */
final class BitOp implements Command {

    enum Op { AND, OR, XOR, NOT }

    /**
     * What the updater computed: the result length, which sources were looked up and present (for
     * INFO stats, counted once outside the retryable updater), or the WRONGTYPE error of a source.
     */
    private record Outcome(long length, boolean[] present, CommandException error) {}

    @Override
    public Reply execute(Args args, Context ctx) {
        Op op = op(args.next());
        byte[] dest = args.next();
        List<byte[]> sources = args.rest();
        if (op == Op.NOT && sources.size() != 1) {
            throw new CommandException("ERR BITOP NOT must be called with a single source key.");
        }
        int db = ctx.session().db();
        Map<KeyRef, Integer> slots = new LinkedHashMap<>();
        slots.put(new KeyRef(db, dest), 0);
        int[] slotOf = new int[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            slotOf[i] = slots.computeIfAbsent(new KeyRef(db, sources.get(i)), k -> slots.size());
        }
        List<KeyRef> keys = new ArrayList<>(slots.keySet());
        Outcome outcome = ctx.store().updateAll(keys, current -> {
            byte[][] src = new byte[sources.size()][];
            boolean[] present = new boolean[sources.size()];
            List<Mutation> mutations = new ArrayList<>(Collections.nCopies(keys.size(), Mutation.KEEP));
            for (int i = 0; i < src.length; i++) {
                Optional<Entry> e = current.get(slotOf[i]);
                present[i] = e.isPresent();
                try {
                    byte[] v = Values.stringOrNull(e);
                    src[i] = v == null ? new byte[0] : v;
                } catch (CommandException wrongType) { // Redis stops at the first non-string source
                    return new Decision.Multi<>(mutations, new Outcome(0, Arrays.copyOf(present, i + 1), wrongType));
                }
            }
            byte[] result = compute(op, src);
            if (result.length > 0) {
                mutations.set(0, Mutation.put(StringValue.raw(result), Entry.NO_EXPIRY));
            } else if (current.get(0).isPresent()) {
                mutations.set(0, Mutation.DELETE);
            }
            return new Decision.Multi<>(mutations, new Outcome(result.length, present, null));
        });
        for (boolean p : outcome.present()) {
            ctx.counters().hit(p);
        }
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return Reply.integer(outcome.length());
    }

    private static Op op(byte[] name) {
        for (Op op : Op.values()) {
            if (BitArgs.is(name, op.name().toLowerCase(Locale.ROOT))) {
                return op;
            }
        }
        throw CommandException.syntax();
    }

    /** The operation over {@code src} (shorter sources zero-padded), eight bytes at a time. */
    static byte[] compute(Op op, byte[][] src) {
        int maxLen = 0;
        for (byte[] s : src) {
            maxLen = Math.max(maxLen, s.length);
        }
        if (maxLen == 0) {
            return new byte[0];
        }
        byte[] res = Arrays.copyOf(src[0], maxLen); // zero-padded
        if (op == Op.NOT) {
            int i = 0;
            for (; i + 8 <= maxLen; i += 8) {
                Bits.putWord(res, i, ~Bits.word(res, i));
            }
            for (; i < maxLen; i++) {
                res[i] = (byte) ~res[i];
            }
            return res;
        }
        for (int k = 1; k < src.length; k++) {
            byte[] s = src[k];
            int n = s.length;
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long a = Bits.word(res, i);
                long b = Bits.word(s, i);
                Bits.putWord(res, i, switch (op) {
                    case AND -> a & b;
                    case OR -> a | b;
                    default -> a ^ b;
                });
            }
            for (; i < n; i++) {
                res[i] = (byte) switch (op) {
                    case AND -> res[i] & s[i];
                    case OR -> res[i] | s[i];
                    default -> res[i] ^ s[i];
                };
            }
            if (op == Op.AND) {
                Arrays.fill(res, n, maxLen, (byte) 0); // past a shorter source, AND gives zeros
            }
        }
        return res;
    }
}
