package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Session;
import io.goredis.protocol.Reply;

/**
 * CLIENT REPLY ON|OFF|SKIP
 *
 * <p>ON answers {@code +OK}; OFF and SKIP are themselves not answered (the session drops the reply).
 */
final class ClientReply implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        Session.ReplyMode mode;
        if (args.nextIs("ON")) {
            mode = Session.ReplyMode.ON;
        } else if (args.nextIs("OFF")) {
            mode = Session.ReplyMode.OFF;
        } else if (args.nextIs("SKIP")) {
            mode = Session.ReplyMode.SKIP;
        } else {
            throw CommandException.syntax();
        }
        ctx.session().replyMode(mode);
        return Reply.OK;
    }
}
