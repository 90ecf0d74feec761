package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** ECHO message: the message as a bulk string. */
final class Echo implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        return Reply.bulk(args.next());
    }
}
