package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.value.ListValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]}: the index of a matching
 * element, ported from Redis's {@code lposCommand}. RANK n starts at the n-th match (negative: from
 * the tail, indexes still counted from the head); COUNT n answers an array of up to n indexes (0:
 * all); MAXLEN n compares at most n elements. Without COUNT a miss is nil, with it an empty array
 * (for an absent key too). Options are parsed, with Redis's texts, before the key is looked up.
 */
final class LPos implements Command {

    static final String RANK_ZERO = "ERR RANK can't be zero: use 1 to start from the first match, "
            + "2 from the second ... or use negative to start from the end of the list";
    static final String COUNT_NEGATIVE = "ERR COUNT can't be negative";
    static final String MAXLEN_NEGATIVE = "ERR MAXLEN can't be negative";

    /** The parsed options; {@code count} -1 means COUNT was not given. */
    private record Options(long rank, long count, long maxlen) {}

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] element = args.next();
        Options o = parse(args);
        return ListReads.read(ctx, key, o.count() == -1 ? Reply.NULL : Reply.EMPTY_ARRAY,
                list -> seek(list, element, o));
    }

    private static Options parse(Args args) {
        long rank = 1;
        long count = -1;
        long maxlen = 0;
        while (args.hasNext()) {
            byte[] opt = args.next();
            boolean more = args.hasNext();
            if (more && Args.equalsIgnoreCase(opt, "RANK")) {
                rank = args.nextLong();
                if (rank == 0) {
                    throw new CommandException(RANK_ZERO);
                }
            } else if (more && Args.equalsIgnoreCase(opt, "COUNT")) {
                count = positive(args.next(), COUNT_NEGATIVE);
            } else if (more && Args.equalsIgnoreCase(opt, "MAXLEN")) {
                maxlen = positive(args.next(), MAXLEN_NEGATIVE);
            } else {
                throw CommandException.syntax();
            }
        }
        return new Options(rank, count, maxlen);
    }

    /** Redis's {@code getPositiveLongFromObjectOrReply}: a non-integer gets {@code error} too. */
    private static long positive(byte[] arg, String error) {
        Long v = Args.tryParseLong(arg);
        if (v == null || v < 0) {
            throw new CommandException(error);
        }
        return v;
    }

    /** Redis's loop, in its long arithmetic (a RANK of LONG_MIN stays negative once negated). */
    private static Reply seek(ListValue list, byte[] element, Options o) {
        long rank = o.rank();
        boolean fromTail = rank < 0;
        if (fromTail) {
            rank = -rank;
        }
        long llen = list.size();
        long limit = o.maxlen() == 0 ? llen : Math.min(llen, o.maxlen());
        List<Reply> found = new ArrayList<>();
        long matches = 0;
        for (long index = 0; index < limit; index++) {
            long at = fromTail ? llen - index - 1 : index;
            if (!Arrays.equals(list.get((int) at), element)) {
                continue;
            }
            matches++;
            if (matches >= rank) {
                if (o.count() == -1) {
                    return Reply.integer(at);
                }
                found.add(Reply.integer(at));
                if (o.count() != 0 && matches - rank + 1 >= o.count()) {
                    break;
                }
            }
        }
        return o.count() == -1 ? Reply.NULL : new Reply.ArrayReply(found);
    }
}
