package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.ScanPage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code KEYS pattern}: every live key of the selected database matching the glob. Walks the whole
 * keyspace through {@code Store.scan} pages (a full table scan on DynamoDB, as in Redis it is a full
 * dictionary walk); a key a page repeats is answered once.
 */
final class Keys implements Command {

    /** Page-size hint for the walk: large enough to keep round trips few on DynamoDB. */
    static final int PAGE = 1000;

    private final int page;

    Keys() {
        this(PAGE);
    }

    /** A smaller page lets tests cross page boundaries without writing thousands of keys. */
    Keys(int page) {
        this.page = page;
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        Glob glob = Glob.compile(args.next());
        args.finish();
        int db = ctx.session().db();
        Set<ByteBuffer> seen = new HashSet<>();
        List<Reply> out = new ArrayList<>();
        long cursor = 0;
        do {
            ScanPage p = ctx.store().scan(db, cursor, page);
            for (byte[] key : p.keys()) {
                if (glob.matches(key) && seen.add(ByteBuffer.wrap(key))) {
                    out.add(Reply.bulk(key));
                }
            }
            cursor = p.nextCursor();
        } while (cursor != 0);
        return Reply.array(out);
    }
}
