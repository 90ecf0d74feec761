package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** SELECT index: switches this connection's database (0 .. databases-1). */
final class Select implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        Long index = Args.tryParseLong(args.next());
        if (index == null || index > Integer.MAX_VALUE || index < Integer.MIN_VALUE) {
            throw CommandException.notInteger();
        }
        if (index < 0 || index >= ctx.store().databases()) {
            throw new CommandException(CommandException.DB_INDEX);
        }
        ctx.session().select(index.intValue());
        return Reply.OK;
    }
}
