package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.SetValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * {@code SPOP key [count]}: removes and answers random members. Without a count, one member as a
 * bulk string (nil for an absent key); with one, a RESP3 set of up to {@code count} distinct members
 * (empty for an absent key or a count of 0). The set is deleted once empty; otherwise its expiry
 * is kept. Each pop is one atomic update, so concurrent SPOPs never hand out a member twice.
 *
 * <p>As Redis's {@code spopWithCountCommand}: a count reaching the size answers the whole set (in
 * the order of a set rebuilt from it, so integers ascend) and deletes the key; a count small
 * against what remains pops members one at a time; otherwise the few members that remain are
 * picked at random into a new set, which replaces the key, and the rest are answered.
 */
final class SPop implements Command {

    static final String BAD_COUNT = "ERR value is out of range, must be positive";

    /** Redis's {@code SPOP_MOVE_STRATEGY_MUL}. */
    private static final long MOVE_STRATEGY_MUL = 5;

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        if (!args.hasNext()) {
            return popOne(ctx, key);
        }
        byte[] countArg = args.next();
        args.finish();
        Long count = Args.tryParseLong(countArg);
        if (count == null || count < 0) {
            throw new CommandException(BAD_COUNT);
        }
        return popMany(ctx, key, count);
    }

    private static Reply popOne(Context ctx, byte[] key) {
        return ctx.store().update(ctx.session().db(), key, current -> {
            SetValue set = Values.set(current);
            if (set == null) {
                return Decision.keep(Reply.NULL);
            }
            Reply member = Reply.bulk(set.pop(ThreadLocalRandom.current()));
            return set.isEmpty() ? Decision.delete(member) : Decision.put(set, Values.expiry(current), member);
        });
    }

    private static Reply popMany(Context ctx, byte[] key, long count) {
        return ctx.store().update(ctx.session().db(), key, current -> {
            SetValue set = Values.set(current);
            if (set == null || count == 0) {
                return Decision.keep(SetReplies.EMPTY_SET);
            }
            RandomGenerator random = ThreadLocalRandom.current();
            long size = set.size();
            if (count >= size) {
                return Decision.delete(SetReplies.set(SetAlgebra.union(List.of(set))));
            }
            long remaining = size - count;
            if (remaining * MOVE_STRATEGY_MUL > count) {
                List<Reply> popped = new ArrayList<>((int) count);
                for (long i = 0; i < count; i++) {
                    popped.add(Reply.bulk(set.pop(random)));
                }
                return Decision.put(set, Values.expiry(current), new Reply.SetReply(popped));
            }
            // few remain: pick them (remaining <= size / 6, so random picks rarely repeat) into a
            // new set and answer the others; the old set is left as it was, and replaced
            SetValue kept = new SetValue();
            while (kept.size() < remaining) {
                kept.add(set.random(random));
            }
            List<Reply> popped = new ArrayList<>((int) count);
            set.forEach(m -> {
                if (!kept.contains(m)) {
                    popped.add(Reply.bulk(m));
                }
            });
            return Decision.put(kept, Values.expiry(current), new Reply.SetReply(popped));
        });
    }
}
