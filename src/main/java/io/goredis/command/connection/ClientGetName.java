package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** CLIENT GETNAME: the connection's name, or a null bulk. */
final class ClientGetName implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        String name = ctx.session().name();
        return name == null ? Reply.NULL : Reply.bulk(name);
    }
}
