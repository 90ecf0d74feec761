package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.value.SetValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * {@code SRANDMEMBER key [count]}: random members, the set unchanged. Without a count, one member
 * (nil for an absent key). With one, an array (in RESP3 too, as Redis 7.0): a positive count asks
 * for that many distinct members (the whole set, in its order, when the count reaches its size), a
 * negative one for {@code -count} members drawn independently, repeats allowed.
 *
 * <p>Redis streams the repeated draws; goredis builds the reply in memory, so it refuses more than
 * {@value #MAX_DRAWS} of them rather than run out of memory (Redis 7.0.15 does run out).
 */
final class SRandMember implements Command {

    static final String COUNT_RANGE =
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807";
    /** The most members a negative count may draw. */
    static final long MAX_DRAWS = 1_000_000;
    static final String TOO_MANY_DRAWS =
            "ERR count is out of range: goredis draws at most " + MAX_DRAWS + " members with repetition";
    /** Redis's {@code SRANDMEMBER_SUB_STRATEGY_MUL}. */
    private static final long SUB_STRATEGY_MUL = 3;

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        if (!args.hasNext()) {
            return ctx.store().read(ctx.session().db(), key, current -> {
                ctx.counters().hit(current.isPresent());
                SetValue set = Values.set(current);
                return set == null ? Reply.NULL : Reply.bulk(set.random(ThreadLocalRandom.current()));
            });
        }
        byte[] countArg = args.next();
        args.finish();
        long l = Args.parseLong(countArg);
        if (l == Long.MIN_VALUE) {
            throw new CommandException(COUNT_RANGE);
        }
        boolean distinct = l >= 0;
        long count = Math.abs(l);
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            SetValue set = Values.set(current);
            if (set == null || count == 0) {
                return Reply.EMPTY_ARRAY;
            }
            RandomGenerator random = ThreadLocalRandom.current();
            if (!distinct || count == 1) {
                if (count > MAX_DRAWS) {
                    throw new CommandException(TOO_MANY_DRAWS);
                }
                List<Reply> out = new ArrayList<>((int) count);
                for (long i = 0; i < count; i++) {
                    out.add(Reply.bulk(set.random(random)));
                }
                return new Reply.ArrayReply(Collections.unmodifiableList(out));
            }
            long size = set.size();
            if (count >= size) {
                return new Reply.ArrayReply(SetReplies.members(set));
            }
            if (count * SUB_STRATEGY_MUL > size) {
                // most of the set: take it all, then drop random members down to count
                List<Reply> all = SetReplies.members(set);
                while (all.size() > count) {
                    int i = random.nextInt(all.size());
                    all.set(i, all.get(all.size() - 1));
                    all.remove(all.size() - 1);
                }
                return new Reply.ArrayReply(all);
            }
            // a small part of the set: draw until count distinct members were found
            SetValue seen = new SetValue();
            List<Reply> out = new ArrayList<>((int) count);
            while (out.size() < count) {
                byte[] m = set.random(random);
                if (seen.add(m)) {
                    out.add(Reply.bulk(m));
                }
            }
            return new Reply.ArrayReply(out);
        });
    }
}
