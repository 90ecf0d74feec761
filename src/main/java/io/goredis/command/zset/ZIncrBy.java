package io.goredis.command.zset;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.ZSetValue;

/**
 * {@code ZINCRBY key increment member}: adds {@code increment} to the member's score (an absent
 * member starts at 0, an absent key is created) and answers the new score; a NaN result (inf plus
 * -inf) is refused with Redis's error and changes nothing.
 */
final class ZIncrBy implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        double incr = Scores.parse(args.next(), CommandException.NOT_FLOAT);
        byte[] member = args.next();
        double result = ctx.store().update(ctx.session().db(), key, current -> {
            ZSetValue z = Values.zsetForUpdate(current);
            Double cur = z.score(member);
            double score = cur == null ? incr : cur + incr;
            if (Double.isNaN(score)) {
                throw new CommandException(ZAdd.NAN_RESULT);
            }
            if (cur != null && score == cur) {
                return Decision.keep(score);
            }
            z.add(member, score);
            return Decision.put(z, Values.expiry(current), score);
        });
        return Scores.reply(result);
    }
}
