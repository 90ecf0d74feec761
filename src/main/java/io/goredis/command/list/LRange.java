package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LRANGE key start stop}: the elements from {@code start} to {@code stop}, both inclusive
 * (negative counts from the tail), clamped to the list. As Redis's {@code lrangeCommand}, both
 * indexes are parsed before the key is looked up; an absent key is the empty array.
 */
final class LRange implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long start = args.nextLong();
        long stop = args.nextLong();
        args.finish();
        return ListReads.read(ctx, key, Reply.EMPTY_ARRAY, list -> {
            Span span = Span.of(start, stop, list.size());
            if (span == null) {
                return Reply.EMPTY_ARRAY;
            }
            List<Reply> out = new ArrayList<>(span.length());
            list.forEach(span.start(), span.stop(), e -> out.add(Reply.bulk(e)));
            return new Reply.ArrayReply(out);
        });
    }
}
