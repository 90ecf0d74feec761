package io.goredis.command.zset;

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
import io.goredis.store.value.ZSetValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * ZRANGE and its legacy forms and ZRANGESTORE, as Redis 7.0's {@code zrangeGenericCommand}: the
 * options are parsed first (a form fixes its own BYSCORE/BYLEX/REV, which it then refuses), then
 * the conflicts (LIMIT needs BYSCORE or BYLEX, WITHSCORES refuses BYLEX), then the range, then the
 * key. REV with BYSCORE/BYLEX takes the range as max, min. A range is found in O(log n) and
 * walked in O(m). WITHSCORES answers member, score pairs: flat in RESP2, nested in RESP3.
 */
final class ZRange implements Command {

    enum By { AUTO, RANK, SCORE, LEX }

    private final By fixedBy;
    private final Boolean fixedReverse; // null: REV may be given
    private final boolean store;

    private ZRange(By by, Boolean reverse, boolean store) {
        this.fixedBy = by;
        this.fixedReverse = reverse;
        this.store = store;
    }

    static ZRange zrange() {
        return new ZRange(By.AUTO, null, false);
    }

    static ZRange zrangestore() {
        return new ZRange(By.AUTO, null, true);
    }

    static ZRange zrevrange() {
        return new ZRange(By.RANK, true, false);
    }

    static ZRange zrangebyscore() {
        return new ZRange(By.SCORE, false, false);
    }

    static ZRange zrevrangebyscore() {
        return new ZRange(By.SCORE, true, false);
    }

    static ZRange zrangebylex() {
        return new ZRange(By.LEX, false, false);
    }

    static ZRange zrevrangebylex() {
        return new ZRange(By.LEX, true, false);
    }

    private record Request(By by, boolean reverse, boolean withScores, long offset, long limit, byte[] min, byte[] max) {}

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] dest = store ? args.next() : null;
        byte[] key = args.next();
        byte[] min = args.next();
        byte[] max = args.next();
        By by = fixedBy;
        Boolean reverse = fixedReverse;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        boolean limited = false;
        while (args.hasNext()) {
            int left = args.remaining() - 1;
            byte[] opt = args.next();
            if (!store && Args.equalsIgnoreCase(opt, "withscores")) {
                withScores = true;
            } else if (Args.equalsIgnoreCase(opt, "limit") && left >= 2) {
                offset = Args.parseLong(args.next());
                limit = Args.parseLong(args.next());
                limited = true;
            } else if (reverse == null && Args.equalsIgnoreCase(opt, "rev")) {
                reverse = true;
            } else if (by == By.AUTO && Args.equalsIgnoreCase(opt, "bylex")) {
                by = By.LEX;
            } else if (by == By.AUTO && Args.equalsIgnoreCase(opt, "byscore")) {
                by = By.SCORE;
            } else {
                throw CommandException.syntax();
            }
        }
        if (reverse == null) {
            reverse = false;
        }
        if (by == By.AUTO) {
            by = By.RANK;
        }
        if (limited && by == By.RANK) {
            throw new CommandException(
                    "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        }
        if (withScores && by == By.LEX) {
            throw new CommandException("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        }
        if (reverse && by != By.RANK) {
            byte[] t = min;
            min = max;
            max = t;
        }
        Bounds.Range range = null;
        long start = 0;
        long end = 0;
        switch (by) {
            case RANK -> {
                start = Args.parseLong(min);
                end = Args.parseLong(max);
            }
            case SCORE -> range = Bounds.scores(min, max);
            default -> range = Bounds.lex(min, max);
        }
        boolean rev = reverse;
        Bounds.Range fRange = range;
        long fStart = start;
        long fEnd = end;
        long fOffset = offset;
        long fLimit = limit;
        Selector select = z -> {
            List<byte[]> members = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            Bounds.Window w;
            if (fRange == null) { // ranks count from the top when reversed
                w = Bounds.ranks(fStart, fEnd, z.size());
                if (rev) {
                    w = new Bounds.Window(z.size() - w.to(), z.size() - w.from());
                }
            } else {
                w = page(fRange.over(z), z.size(), rev, fOffset, fLimit);
            }
            if (w.size() > 0) {
                z.range(w.from(), w.to() - 1, rev, (m, s) -> {
                    members.add(m);
                    scores.add(s);
                });
            }
            return new Selection(members, scores);
        };
        if (store) {
            return Reply.integer(store(ctx, dest, key, select));
        }
        boolean fWithScores = withScores;
        int protocol = ctx.session().protocol();
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            ZSetValue z = Values.zset(current);
            if (z == null) {
                return Reply.EMPTY_ARRAY;
            }
            Selection sel = select.apply(z);
            return ZReplies.elements(sel.members(), fWithScores ? sel.scores() : null, protocol);
        });
    }

    /** LIMIT offset count over a score or lex window, as genericZrangebyscoreCommand walks it. */
    private static Bounds.Window page(Bounds.Window w, long size, boolean rev, long offset, long limit) {
        if (offset < 0 || (offset > 0 && offset >= size) || w.size() == 0) {
            return new Bounds.Window(0, 0); // a negative offset skips everything in Redis's loop
        }
        long n = Math.max(0, w.size() - offset);
        if (limit >= 0) {
            n = Math.min(n, limit);
        }
        return rev ? new Bounds.Window(w.to() - offset - n, w.to() - offset)
                : new Bounds.Window(w.from() + offset, w.from() + offset + n);
    }

    record Selection(List<byte[]> members, List<Double> scores) {}

    interface Selector {
        Selection apply(ZSetValue z);
    }

    /** ZRANGESTORE: the selection replaces {@code dest} (deleted when empty); answers its size. */
    private static long store(Context ctx, byte[] dest, byte[] key, Selector select) {
        int db = ctx.session().db();
        List<KeyRef> keys = List.of(new KeyRef(db, dest), new KeyRef(db, key));
        long[] hit = {0};
        long n = ctx.store().updateAll(keys, current -> {
            Optional<Entry> src = current.get(1);
            hit[0] = src.isPresent() ? 1 : 0;
            List<Mutation> mutations = new ArrayList<>(Collections.nCopies(2, Mutation.KEEP));
            ZSetValue z = Values.zset(src);
            Selection sel = z == null ? new Selection(List.of(), List.of()) : select.apply(z);
            if (sel.members().isEmpty()) {
                if (current.get(0).isPresent()) {
                    mutations.set(0, Mutation.DELETE);
                }
                return new Decision.Multi<>(mutations, 0L);
            }
            ZSetValue out = new ZSetValue();
            for (int i = 0; i < sel.members().size(); i++) {
                out.add(sel.members().get(i), sel.scores().get(i));
            }
            mutations.set(0, Mutation.put(out, Entry.NO_EXPIRY));
            return new Decision.Multi<>(mutations, out.size());
        });
        ctx.counters().hit(hit[0] == 1);
        return n;
    }
}
