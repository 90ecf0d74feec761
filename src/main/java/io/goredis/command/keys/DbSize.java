package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code DBSIZE}: the number of live keys in the selected database. */
final class DbSize implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        args.finish();
        return Reply.integer(ctx.store().stats(ctx.session().db()).keys());
    }
}
