package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** COMMAND COUNT: how many top-level commands the table has. */
final class CommandCount implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        return Reply.integer(ctx.server().commands().size());
    }
}
