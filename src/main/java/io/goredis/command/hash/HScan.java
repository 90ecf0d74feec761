package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.CommandException;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.keys.Scan;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code HSCAN key cursor [MATCH pattern] [COUNT count]}: one page of the hash's fields and values
 * and the cursor for the next call, as Redis's {@code hscanCommand}. A listpack hash answers
 * everything at once with cursor 0, whatever the cursor and COUNT; a large one walks its table with
 * Redis's reverse-binary cursor, so every field present for the whole scan is returned at least once.
 * MATCH filters fields after the walk, so a page may be empty before the end.
 *
 * <p>Redis's order of errors: the cursor, then the key (an absent key answers the empty scan even
 * with bad options; WRONGTYPE), then the options (no TYPE here).
 */
final class HScan implements Command {

    private static final Reply EMPTY_SCAN = Scan.reply(0, List.of());

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long cursor = Scan.parseCursor(args.next());
        Scan.Request request;
        try {
            request = Scan.parseOptions(args, cursor, false);
        } catch (CommandException badOptions) {
            // Redis parses the options only once it has the hash: absent, WRONGTYPE, then the error
            if (!HashReads.read(ctx, key, false, hash -> true)) {
                return EMPTY_SCAN;
            }
            throw badOptions;
        }
        return HashReads.read(ctx, key, EMPTY_SCAN, hash -> {
            List<Reply> items = new ArrayList<>();
            int count = (int) Math.min(request.count(), Integer.MAX_VALUE);
            long next = hash.scan(request.cursor(), count, (f, v) -> {
                if (request.match() == null || request.match().matches(f)) {
                    items.add(Reply.bulk(f));
                    items.add(Reply.bulk(v));
                }
            });
            return Scan.reply(next, items);
        });
    }
}
