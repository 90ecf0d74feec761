package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * CLIENT UNBLOCK client-id [TIMEOUT | ERROR]: ends the wait of a client blocked in BLPOP and the
 * like on this node, as if it timed out (the default) or with {@code -UNBLOCKED}. Answers 1 if the
 * client was blocked, else 0.
 */
final class ClientUnblock implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        Long id = Args.tryParseLong(args.next());
        if (id == null) {
            throw CommandException.notInteger();
        }
        boolean error = false;
        if (args.hasNext()) {
            byte[] reason = args.next();
            if (Args.equalsIgnoreCase(reason, "ERROR")) {
                error = true;
            } else if (!Args.equalsIgnoreCase(reason, "TIMEOUT")) {
                throw new CommandException("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
            }
        }
        if (args.hasNext()) {
            throw CommandException.syntax();
        }
        return Reply.integer(ctx.server().waiters().unblock(id, error) ? 1 : 0);
    }
}
