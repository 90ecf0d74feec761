package io.goredis.command.txn;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code MULTI}: start queueing this connection's commands until EXEC or DISCARD. */
final class Multi implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        TxState tx = ctx.session().tx();
        if (tx.inMulti()) {
            throw new CommandException("ERR MULTI calls can not be nested");
        }
        tx.begin();
        return Reply.OK;
    }
}
