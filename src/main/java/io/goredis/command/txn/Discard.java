package io.goredis.command.txn;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code DISCARD}: drop the queued commands and every watched key. */
final class Discard implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        TxState tx = ctx.session().tx();
        if (!tx.inMulti()) {
            throw new CommandException("ERR DISCARD without MULTI");
        }
        tx.end();
        tx.unwatch();
        return Reply.OK;
    }
}
