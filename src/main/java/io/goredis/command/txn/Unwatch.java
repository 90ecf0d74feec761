package io.goredis.command.txn;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code UNWATCH}: forget every watched key. */
final class Unwatch implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        ctx.session().tx().unwatch();
        return Reply.OK;
    }
}
