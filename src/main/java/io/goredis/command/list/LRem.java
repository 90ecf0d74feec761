package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.ListValue;
import java.util.Arrays;
import java.util.BitSet;

/**
 * {@code LREM key count element}: removes elements equal to {@code element} and answers how many:
 * the first {@code count} from the head for a positive count, the last {@code -count} from the
 * tail for a negative one, all of them for 0 (as Redis's {@code lremCommand}, where a count of
 * {@code LONG_MIN} also removes all). The count is parsed before the key is looked up. Nothing
 * removed writes nothing; a list left empty is deleted; the expiry is kept.
 */
final class LRem implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long count = args.nextLong();
        byte[] element = args.next();
        args.finish();
        long removed = ctx.store().update(ctx.session().db(), key, current -> {
            ListValue list = Values.list(current);
            if (list == null) {
                return Decision.keep(0L);
            }
            BitSet matches = matches(list, element, count);
            int n = matches.cardinality();
            if (n == 0) {
                return Decision.keep(0L);
            }
            if (n == list.size()) {
                return Decision.delete((long) n);
            }
            ListValue rest;
            if (n == 1) {
                list.removeAt(matches.nextSetBit(0)); // moves the shorter side only
                rest = list;
            } else {
                rest = without(list, matches); // one pass, however many go
            }
            return Decision.put(rest, Values.expiry(current), (long) n);
        });
        return Reply.integer(removed);
    }

    /** The positions of the elements to remove, walking from the end {@code count}'s sign picks. */
    private static BitSet matches(ListValue list, byte[] element, long count) {
        int size = (int) list.size();
        BitSet out = new BitSet(size);
        // Redis negates a negative count (LONG_MIN stays negative, so it never stops early)
        long limit = count < 0 ? -count : count;
        long found = 0;
        for (int j = 0; j < size; j++) {
            int i = count < 0 ? size - 1 - j : j;
            if (Arrays.equals(list.get(i), element)) {
                out.set(i);
                if (++found == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** A new list of the elements of {@code list} not in {@code removed}, in order. */
    private static ListValue without(ListValue list, BitSet removed) {
        ListValue out = new ListValue();
        int[] i = {0};
        list.forEach(e -> {
            if (!removed.get(i[0]++)) {
                out.pushBack(e);
            }
        });
        return out;
    }
}
