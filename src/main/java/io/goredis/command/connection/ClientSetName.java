package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** CLIENT SETNAME name: names the connection (an empty name clears it). */
final class ClientSetName implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        ctx.session().name(ClientNames.checkedName(args.next()));
        return Reply.OK;
    }
}
