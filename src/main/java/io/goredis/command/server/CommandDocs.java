package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandSpec;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * COMMAND DOCS [name ...]: a map of name to {summary, since, group[, subcommands]}; unknown names
 * are left out. Minimal next to Redis (no arguments or complexity), but the same shape.
 */
final class CommandDocs implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        List<CommandSpec> specs = new ArrayList<>();
        if (!args.hasNext()) {
            specs.addAll(ctx.server().commands().all());
        }
        while (args.hasNext()) {
            CommandSpec spec = CommandInfos.find(ctx.server().commands(), args.nextString());
            if (spec != null) {
                specs.add(spec);
            }
        }
        List<Reply> names = new ArrayList<>();
        List<Reply> docs = new ArrayList<>();
        for (CommandSpec spec : specs) {
            names.add(Reply.bulk(spec.name()));
            docs.add(CommandInfos.docs(spec));
        }
        return new Reply.MapReply(names, docs);
    }
}
