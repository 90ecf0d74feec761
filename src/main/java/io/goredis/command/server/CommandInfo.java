package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandSpec;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** COMMAND INFO [name ...]: one entry per name (null for unknown ones); no name means every command. */
final class CommandInfo implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        if (!args.hasNext()) {
            return new CommandAll().execute(args, ctx);
        }
        List<Reply> out = new ArrayList<>();
        while (args.hasNext()) {
            CommandSpec spec = CommandInfos.find(ctx.server().commands(), args.nextString());
            out.add(spec == null ? Reply.NULL : CommandInfos.info(spec));
        }
        return new Reply.ArrayReply(out);
    }
}
