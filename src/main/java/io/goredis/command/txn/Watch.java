package io.goredis.command.txn;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.KeyRef;

/**
 * {@code WATCH key [key ...]}: remember what each key looks like now (its {@link io.goredis.store.Stamp},
 * read from the table itself on the DynamoDB-backed stores), so that EXEC runs nothing and answers a
 * null array if any of them is written by anyone, on any node, or expires before it.
 */
final class Watch implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        TxState tx = ctx.session().tx();
        if (tx.inMulti()) {
            throw new CommandException("ERR WATCH inside MULTI is not allowed");
        }
        int db = ctx.session().db();
        while (args.hasNext()) {
            byte[] key = args.next();
            KeyRef ref = new KeyRef(db, key);
            if (!tx.watching(ref)) {
                tx.watch(ref, ctx.store().observe(db, key, true).stamp());
            }
        }
        return Reply.OK;
    }
}
