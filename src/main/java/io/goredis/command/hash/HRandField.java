package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.value.HashValue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code HRANDFIELD key [count [WITHVALUES]]}, as Redis's {@code hrandfieldCommand}. Without a count:
 * one random field, or nil for an absent key. With a positive count: that many distinct fields (the
 * whole hash when it has no more); negative: {@code |count|} fields that may repeat; 0 or an absent
 * key: an empty array. WITHVALUES adds each field's value: flat in RESP2, a [field, value] pair per
 * field in RESP3.
 *
 * <p>The count is checked before the key is looked up, with Redis's texts; a negative count whose
 * reply we would have to hold whole beyond {@value #MAX_REPEATED} fields is refused (Redis streams
 * it into the client's output buffer instead).
 */
final class HRandField implements Command {

    /** The most fields a negative count may ask for: the reply is built in memory. */
    static final long MAX_REPEATED = 10_000_000;

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        if (!args.hasNext()) {
            return HashReads.read(ctx, key, Reply.NULL,
                    hash -> Reply.bulk(hash.random(ThreadLocalRandom.current())[0]));
        }
        long count = parseCount(args.next());
        boolean withValues = args.nextIs("withvalues");
        args.finish();
        if (withValues && (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2)) {
            throw new CommandException("ERR value is out of range");
        }
        boolean pairs = withValues && ctx.session().protocol() >= 3;
        return HashReads.read(ctx, key, Reply.EMPTY_ARRAY,
                hash -> count == 0 ? Reply.EMPTY_ARRAY : sample(hash, count, withValues, pairs));
    }

    /** Redis's {@code getRangeLongFromObjectOrReply(-LONG_MAX, LONG_MAX)}. */
    private static long parseCount(byte[] arg) {
        long count = Args.parseLong(arg);
        if (count == Long.MIN_VALUE) {
            throw new CommandException("ERR value is out of range, value must between "
                    + -Long.MAX_VALUE + " and " + Long.MAX_VALUE);
        }
        return count;
    }

    private static Reply sample(HashValue hash, long count, boolean withValues, boolean pairs) {
        if (count < -MAX_REPEATED) {
            throw new CommandException("ERR count is out of range: " + count
                    + " (goredis answers at most " + MAX_REPEATED + " repeated fields)");
        }
        RandomFields.Picked picked = count < 0
                ? RandomFields.repeated(hash, (int) -count, ThreadLocalRandom.current())
                : RandomFields.distinct(hash, count, ThreadLocalRandom.current());
        return picked.reply(withValues, pairs);
    }
}
