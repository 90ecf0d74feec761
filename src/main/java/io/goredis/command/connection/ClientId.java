package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** CLIENT ID: this connection's unique id. */
final class ClientId implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        return Reply.integer(ctx.session().id());
    }
}
