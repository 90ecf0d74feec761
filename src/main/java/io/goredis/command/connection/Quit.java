package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** QUIT: {@code +OK}, then the server closes the connection. Allowed before AUTH. */
final class Quit implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        ctx.session().closeAfterReply();
        return Reply.OK;
    }
}
