package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * {@code DEL key [key ...]} and {@code UNLINK key [key ...]}: deletes the keys, answers how many
 * existed. A repeated key counts once (the second delete finds nothing).
 *
 * <p>Each key is one {@code Store.delete}, so the keys are not removed as one atomic step: a
 * concurrent reader may see some gone and others not yet. Redis is atomic here only because it is
 * single-threaded; making it atomic for us would mean one DynamoDB transaction, which caps a DEL at
 * 100 keys and doubles its cost, for a guarantee no client can observe without MULTI (which goredis
 * does not have). UNLINK frees memory in the background in Redis; the observable effect is the same.
 */
final class Del implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        int db = ctx.session().db();
        long deleted = 0;
        while (args.hasNext()) {
            if (ctx.store().delete(db, args.next())) {
                deleted++;
            }
        }
        return Reply.integer(deleted);
    }
}
