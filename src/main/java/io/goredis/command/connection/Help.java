package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** A container's HELP subcommand: Redis's help lines as simple strings. Shared by CLIENT, CONFIG, COMMAND. */
public final class Help implements Command {

    private final Reply reply;

    public Help(String... lines) {
        List<Reply> items = new ArrayList<>();
        for (String line : lines) {
            items.add(new Reply.SimpleString(line));
        }
        this.reply = Reply.array(items);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        return reply;
    }
}
