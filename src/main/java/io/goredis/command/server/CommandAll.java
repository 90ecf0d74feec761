package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandSpec;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** COMMAND (no subcommand): COMMAND INFO of every command in the table. */
final class CommandAll implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        List<Reply> out = new ArrayList<>();
        for (CommandSpec spec : ctx.server().commands().all()) {
            out.add(CommandInfos.info(spec));
        }
        return new Reply.ArrayReply(out);
    }
}
