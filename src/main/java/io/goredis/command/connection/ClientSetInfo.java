package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;

/** CLIENT SETINFO LIB-NAME|LIB-VER value (Redis 7.2; sent by Jedis and Lettuce on connect). */
final class ClientSetInfo implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        String attr = args.nextString();
        byte[] value = args.next();
        if (!attr.equalsIgnoreCase("lib-name") && !attr.equalsIgnoreCase("lib-ver")) {
            throw new CommandException("ERR Unrecognized option '" + attr + "'");
        }
        if (!ClientNames.valid(value)) {
            throw new CommandException("ERR " + attr + " cannot contain spaces, newlines or special characters.");
        }
        ctx.session().libInfo(attr, value.length == 0 ? null : new String(value, StandardCharsets.US_ASCII));
        return Reply.OK;
    }
}
