package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * PING [message]
 *
 * <p>{@code +PONG}, or the message as a bulk string.
 */
final class Ping implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        if (args.remaining() > 1) {
            throw new CommandException("ERR wrong number of arguments for 'ping' command");
        }
        return args.hasNext() ? Reply.bulk(args.next()) : Reply.PONG;
    }
}
