package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.ClientInfo;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** CLIENT INFO: this connection's CLIENT LIST line. */
final class ClientInfoCommand implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        StringBuilder sb = new StringBuilder();
        for (ClientInfo c : ClientList.self(ctx)) {
            sb.append(c.line()).append('\n');
        }
        return ClientList.text(sb.toString());
    }
}
