package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * CLIENT NO-EVICT ON|OFF and CLIENT NO-TOUCH ON|OFF: accepted and answered as Redis does. goredis
 * neither evicts clients nor tracks access times, so the flag changes nothing.
 */
final class ClientFlagToggle implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        if (args.nextIs("ON") || args.nextIs("OFF")) {
            return Reply.OK;
        }
        throw CommandException.syntax();
    }
}
