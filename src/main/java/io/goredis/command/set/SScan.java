package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.command.keys.Scan;
import io.goredis.protocol.Reply;
import io.goredis.store.value.SetValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SSCAN key cursor [MATCH pattern] [COUNT count]}: one step of a scan over the set's
 * members and the cursor for the next ({@code 0} when done), as Redis's {@code sscanCommand}: an
 * intset answers all its members at once with cursor 0, a hash table walks its buckets with SCAN's
 * reverse-binary cursor (see {@link SetValue#scan}), so every member present for the whole scan is
 * returned at least once. MATCH filters the members a step found.
 *
 * <p>In Redis's order: the cursor is parsed first, then an absent key answers an empty scan and
 * another type WRONGTYPE, and only then are the options parsed (SCAN's, without TYPE).
 */
final class SScan implements Command {

    private static final Reply EMPTY_SCAN = Reply.array(Reply.bulk("0"), Reply.EMPTY_ARRAY);

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long cursor = Scan.parseCursor(args.next());
        return ctx.store().read(ctx.session().db(), key, current -> {
            ctx.counters().hit(current.isPresent());
            SetValue set = Values.set(current);
            if (set == null) {
                return EMPTY_SCAN;
            }
            Scan.Request req = Scan.parseOptions(args, cursor, false);
            List<Reply> members = new ArrayList<>();
            long next = set.scan(cursor, (int) Math.min(req.count(), Integer.MAX_VALUE), m -> {
                if (req.match() == null || req.match().matches(m)) {
                    members.add(Reply.bulk(m));
                }
            });
            return Reply.array(
                    Reply.bulk(Long.toUnsignedString(next).getBytes(StandardCharsets.US_ASCII)),
                    Reply.array(members));
        });
    }
}
