package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code SWAPDB index1 index2}: exchanges the contents of two databases, atomically. */
final class SwapDb implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        int db1 = Databases.parseInt(args.next(), "ERR invalid first DB index");
        int db2 = Databases.parseInt(args.next(), "ERR invalid second DB index");
        args.finish();
        int n = ctx.store().databases();
        if (db1 < 0 || db1 >= n || db2 < 0 || db2 >= n) {
            throw new CommandException(CommandException.DB_INDEX);
        }
        if (db1 != db2) {
            ctx.store().swap(db1, db2);
        }
        return Reply.OK;
    }
}
