package io.goredis.command.string;

import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]}: the longest common
 * subsequence of two values (absent keys are empty strings), its length, or with IDX the matching
 * ranges, walked backwards exactly as Redis's {@code lcsCommand} does so ranges come out in the
 * same order and shape.
 */
final class Lcs implements Command {

    /** Redis refuses a DP table larger than proto-max-bulk-len. */
    private static final long MAX_TABLE_BYTES = StringLimits.MAX_STRING;

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] keyA = args.next();
        byte[] keyB = args.next();
        int db = ctx.session().db();
        Optional<Entry> ea = ctx.store().get(db, keyA);
        ctx.counters().hit(ea.isPresent());
        Optional<Entry> eb = ctx.store().get(db, keyB);
        ctx.counters().hit(eb.isPresent());
        byte[] a = ea.isEmpty() ? new byte[0] : Values.string(ea.get());
        byte[] b = eb.isEmpty() ? new byte[0] : Values.string(eb.get());

        boolean getLen = false;
        boolean getIdx = false;
        boolean withMatchLen = false;
        long minMatchLen = 0;
        while (args.hasNext()) {
            if (args.nextIs("IDX")) {
                getIdx = true;
            } else if (args.nextIs("LEN")) {
                getLen = true;
            } else if (args.nextIs("WITHMATCHLEN")) {
                withMatchLen = true;
            } else if (args.remaining() > 1 && args.nextIs("MINMATCHLEN")) {
                minMatchLen = Math.max(0, args.nextLong());
            } else {
                throw CommandException.syntax();
            }
        }
        if (getIdx && getLen) {
            throw new CommandException("ERR If you want both the length and indexes, please just use IDX.");
        }
        long cells = (long) (a.length + 1) * (b.length + 1);
        if (cells * Integer.BYTES >= MAX_TABLE_BYTES) {
            throw new CommandException(
                    "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
        }
        return reply(a, b, getLen, getIdx, withMatchLen, minMatchLen);
    }

    private static Reply reply(byte[] a, byte[] b, boolean getLen, boolean getIdx, boolean withMatchLen,
                               long minMatchLen) {
        int alen = a.length;
        int blen = b.length;
        int w = blen + 1;
        int[] lcs = new int[(alen + 1) * w];
        for (int i = 1; i <= alen; i++) {
            for (int j = 1; j <= blen; j++) {
                lcs[i * w + j] = a[i - 1] == b[j - 1]
                        ? lcs[(i - 1) * w + j - 1] + 1
                        : Math.max(lcs[(i - 1) * w + j], lcs[i * w + j - 1]);
            }
        }
        int total = lcs[alen * w + blen];
        if (getLen) {
            return Reply.integer(total);
        }

        byte[] result = new byte[total];
        List<Reply> matches = new ArrayList<>();
        int idx = total;
        int aStart = alen; // alen means "no range open"
        int aEnd = 0;
        int bStart = 0;
        int bEnd = 0;
        int i = alen;
        int j = blen;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                result[idx - 1] = a[i - 1];
                if (aStart == alen) {
                    aStart = i - 1;
                    aEnd = i - 1;
                    bStart = j - 1;
                    bEnd = j - 1;
                } else if (aStart == i && bStart == j) { // contiguous: extend the range backwards
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                if (aStart == 0 || bStart == 0) {
                    emit = true;
                }
                idx--;
                i--;
                j--;
            } else {
                if (lcs[(i - 1) * w + j] > lcs[i * w + j - 1]) {
                    i--;
                } else {
                    j--;
                }
                if (aStart != alen) {
                    emit = true;
                }
            }
            int matchLen = aEnd - aStart + 1;
            if (emit) {
                if (getIdx && (minMatchLen == 0 || matchLen >= minMatchLen)) {
                    List<Reply> m = new ArrayList<>(3);
                    m.add(Reply.array(Reply.integer(aStart), Reply.integer(aEnd)));
                    m.add(Reply.array(Reply.integer(bStart), Reply.integer(bEnd)));
                    if (withMatchLen) {
                        m.add(Reply.integer(matchLen));
                    }
                    matches.add(Reply.array(m));
                }
                aStart = alen;
            }
        }
        if (!getIdx) {
            return Reply.bulk(result);
        }
        return new Reply.MapReply(
                List.of(Reply.bulk("matches"), Reply.bulk("len")),
                List.of(Reply.array(matches), Reply.integer(total)));
    }
}
