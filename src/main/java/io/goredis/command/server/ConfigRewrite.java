package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** CONFIG REWRITE: goredis is configured by flags and environment, so there is no file (Redis's text). */
final class ConfigRewrite implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        throw new CommandException("ERR The server is running without a config file");
    }
}
