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
 * {@code ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]}, as Redis 7.0's
 * {@code zaddGenericCommand}: options first, then the pairs (none or an odd count is a syntax
 * error), then the option conflicts, then every score is parsed before anything changes. Answers
 * how many members were added (CH: added or rescored); INCR answers the new score, or nil when
 * NX/XX/GT/LT stopped it. GT/LT only ever stop updates, never additions. Writes only on a change.
 */
final class ZAdd implements Command {

    static final String NAN_RESULT = "ERR resulting score is not a number (NaN)";

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        boolean ch = false;
        boolean incr = false;
        while (args.hasNext()) {
            if (args.nextIs("nx")) {
                nx = true;
            } else if (args.nextIs("xx")) {
                xx = true;
            } else if (args.nextIs("gt")) {
                gt = true;
            } else if (args.nextIs("lt")) {
                lt = true;
            } else if (args.nextIs("ch")) {
                ch = true;
            } else if (args.nextIs("incr")) {
                incr = true;
            } else {
                break;
            }
        }
        int rest = args.remaining();
        if (rest == 0 || rest % 2 != 0) {
            throw CommandException.syntax();
        }
        if (nx && xx) {
            throw new CommandException("ERR XX and NX options at the same time are not compatible");
        }
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            throw new CommandException("ERR GT, LT, and/or NX options at the same time are not compatible");
        }
        int pairs = rest / 2;
        if (incr && pairs > 1) {
            throw new CommandException("ERR INCR option supports a single increment-element pair");
        }
        double[] scores = new double[pairs];
        byte[][] members = new byte[pairs][];
        for (int i = 0; i < pairs; i++) {
            scores[i] = Scores.parse(args.next(), CommandException.NOT_FLOAT);
            members[i] = args.next();
        }
        boolean fNx = nx;
        boolean fXx = xx;
        boolean fGt = gt;
        boolean fLt = lt;
        boolean fIncr = incr;
        long[] counts = new long[2]; // added, updated
        Double[] incrResult = new Double[1];
        ctx.store().update(ctx.session().db(), key, current -> {
            counts[0] = 0;
            counts[1] = 0;
            incrResult[0] = null;
            ZSetValue z = Values.zset(current);
            if (z == null && fXx) {
                return Decision.keep(null);
            }
            if (z == null) {
                z = new ZSetValue();
            }
            if (fIncr && !fNx) { // validate first: an INCR to NaN changes nothing
                Double cur = z.score(members[0]);
                if (cur != null && Double.isNaN(cur + scores[0])) {
                    throw new CommandException(NAN_RESULT);
                }
            }
            for (int i = 0; i < pairs; i++) {
                Double cur = z.score(members[i]);
                double score = scores[i];
                if (cur != null) {
                    if (fNx) {
                        continue;
                    }
                    if (fIncr) {
                        score = cur + score;
                    }
                    if ((fLt && score >= cur) || (fGt && score <= cur)) {
                        continue;
                    }
                    if (fIncr) {
                        incrResult[0] = score;
                    }
                    if (score != cur) {
                        z.add(members[i], score);
                        counts[1]++;
                    }
                } else {
                    if (fXx) {
                        continue;
                    }
                    z.add(members[i], score);
                    counts[0]++;
                    if (fIncr) {
                        incrResult[0] = score;
                    }
                }
            }
            if (counts[0] + counts[1] == 0) {
                return Decision.keep(null);
            }
            return Decision.put(z, Values.expiry(current), null);
        });
        if (incr) {
            return incrResult[0] == null ? Reply.NULL : Scores.reply(incrResult[0]);
        }
        return Reply.integer(ch ? counts[0] + counts[1] : counts[0]);
    }
}
