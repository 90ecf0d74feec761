package io.goredis.command.keys;

import io.goredis.store.Entry;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.ScanPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]}: one page of the selected database's
 * keys and the cursor for the next call ({@code 0} when done), as Redis's {@code scanGenericCommand}.
 *
 * <p>Keys come from {@code Store.scan} pages, read until COUNT keys are gathered, the scan ends, or
 * {@value #MAX_STORE_CALLS} pages were read; MATCH and TYPE are applied afterwards, so a reply may
 * be empty while the cursor is not yet 0, exactly as in Redis. Every key present for the whole scan
 * is returned at least once (the store's guarantee).
 */
public final class Scan implements Command {

    public static final String INVALID_CURSOR = "ERR invalid cursor";

    /** Store pages one SCAN may read to gather COUNT keys (Redis bounds its loop likewise). */
    static final int MAX_STORE_CALLS = 10;

    /** The parsed request: an unsigned 64-bit cursor held in a long, then the options. */
    public record Request(long cursor, Glob match, long count, byte[] type) {}

    @Override
    public Reply execute(Args args, Context ctx) {
        Request req = parse(args);
        // Our cursors are non-negative longs; one with the top bit set is past any scan's end.
        // (Redis answers such a cursor with whatever its table holds there: for a small one, nothing.)
        if (req.cursor() < 0) {
            return reply(0, List.of());
        }
        int db = ctx.session().db();
        // As Redis's loop around dictScan: keep fetching until COUNT keys (before filtering) or the
        // end, within a bounded number of store calls (a DynamoDB page may hold few of our keys).
        List<byte[]> fetched = new ArrayList<>();
        long cursor = req.cursor();
        int calls = 0;
        do {
            long want = req.count() - fetched.size();
            ScanPage page = ctx.store().scan(db, cursor, (int) Math.min(want, Integer.MAX_VALUE));
            fetched.addAll(page.keys());
            cursor = page.nextCursor();
        } while (cursor != 0 && fetched.size() < req.count() && ++calls < MAX_STORE_CALLS);
        List<Reply> keys = new ArrayList<>(fetched.size());
        for (byte[] key : fetched) {
            if (req.match() != null && !req.match().matches(key)) {
                continue;
            }
            if (req.type() != null) {
                // Redis looks each key up to learn its type: a read that counts as a keyspace hit.
                ctx.counters().hit(true);
                Optional<Entry> e = ctx.store().get(ctx.session().db(), key);
                if (e.isEmpty() || !Args.equalsIgnoreCase(req.type(), e.get().type().redisName())) {
                    continue;
                }
            }
            keys.add(Reply.bulk(key));
        }
        return reply(cursor, keys);
    }

    static Request parse(Args args) {
        return parseOptions(args, parseCursor(args.next()), true);
    }

    /**
     * The options after the cursor, as Redis's {@code scanGenericCommand} parses them: COUNT (an
     * integer, at least 1), MATCH and, where {@code typeAllowed} (SCAN, not HSCAN/SSCAN/ZSCAN),
     * TYPE; anything else is {@code ERR syntax error}. HSCAN parses them after looking its key up.
     */
    public static Request parseOptions(Args args, long cursor, boolean typeAllowed) {
        Glob match = null;
        long count = 10;
        byte[] type = null;
        while (args.hasNext()) {
            boolean hasValue = args.remaining() >= 2;
            if (hasValue && args.nextIs("count")) {
                count = args.nextLong();
                if (count < 1) {
                    throw CommandException.syntax();
                }
            } else if (hasValue && args.nextIs("match")) {
                Glob g = Glob.compile(args.next());
                match = g.matchesAll() ? null : g;
            } else if (typeAllowed && hasValue && args.nextIs("type")) {
                type = args.next();
            } else {
                throw CommandException.syntax();
            }
        }
        return new Request(cursor, match, count, type);
    }

    /**
     * Redis's {@code parseScanCursorOrReply}: {@code strtoul} base 10, so an optional sign (a minus
     * wraps around), digits, nothing after them, no leading space, no overflow past 2^64-1. An empty
     * argument is cursor 0, as in Redis.
     */
    public static long parseCursor(byte[] b) {
        if (b.length == 0) {
            return 0;
        }
        int i = 0;
        boolean negative = false;
        if (b[0] == '+' || b[0] == '-') {
            negative = b[0] == '-';
            i = 1;
        }
        if (i == b.length) {
            throw new CommandException(INVALID_CURSOR);
        }
        long acc = 0;
        for (; i < b.length; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new CommandException(INVALID_CURSOR);
            }
            // acc * 10 + d must stay within 2^64 - 1 (unsigned).
            if (Long.compareUnsigned(acc, Long.divideUnsigned(-1L - d, 10)) > 0) {
                throw new CommandException(INVALID_CURSOR);
            }
            acc = acc * 10 + d;
        }
        return negative ? -acc : acc;
    }

    /** A SCAN-family reply: the cursor (unsigned decimal), then the page's elements. */
    public static Reply reply(long cursor, List<Reply> keys) {
        return Reply.array(
                Reply.bulk(Long.toUnsignedString(cursor).getBytes(StandardCharsets.US_ASCII)),
                Reply.array(keys));
    }
}
