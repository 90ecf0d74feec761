package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.CommandSpec;
import io.goredis.command.Context;
import io.goredis.command.keys.Glob;
import java.nio.charset.StandardCharsets;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]
 *
 * <p>Names of every command and subcommand ("client|list"), optionally filtered.
 */
final class CommandList implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        Predicate<CommandSpec> filter = s -> true;
        if (args.hasNext()) {
            if (!args.nextIs("FILTERBY") || args.remaining() != 2) {
                throw CommandException.syntax();
            }
            String kind = args.nextString().toLowerCase(Locale.ROOT);
            String value = args.nextString();
            filter = switch (kind) {
                case "module" -> s -> false;
                case "aclcat" -> s -> CommandInfos.categories(s).contains("@" + value.toLowerCase(Locale.ROOT));
                case "pattern" -> {
                    Glob glob = Glob.compile(value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                    yield s -> glob.matches(s.name().getBytes(StandardCharsets.UTF_8));
                }
                default -> throw CommandException.syntax();
            };
        }
        List<Reply> out = new ArrayList<>();
        for (CommandSpec spec : ctx.server().commands().all()) {
            add(spec, filter, out);
            for (CommandSpec sub : spec.subcommands()) {
                add(sub, filter, out);
            }
        }
        return new Reply.ArrayReply(out);
    }

    private static void add(CommandSpec spec, Predicate<CommandSpec> filter, List<Reply> out) {
        if (filter.test(spec)) {
            out.add(Reply.bulk(spec.name()));
        }
    }
}
