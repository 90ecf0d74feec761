package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.ClientInfo;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CLIENT LIST [TYPE NORMAL|MASTER|REPLICA|PUBSUB] [ID client-id [client-id ...]]
 *
 * <p>One line per client (see {@link ClientInfo#line()}); a verbatim string in RESP3.
 */
final class ClientList implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        boolean none = false;
        Set<Long> ids = null;
        if (args.nextIs("TYPE")) {
            String type = args.nextString();
            none = !ClientKill.isNormalType(type);
            args.finish();
        } else if (args.nextIs("ID")) {
            if (!args.hasNext()) {
                throw CommandException.syntax();
            }
            ids = new HashSet<>();
            while (args.hasNext()) {
                Long id = Args.tryParseLong(args.next());
                if (id == null || id <= 0) {
                    throw new CommandException("ERR Invalid client ID");
                }
                ids.add(id);
            }
        } else {
            args.finish();
        }
        StringBuilder sb = new StringBuilder();
        if (!none) {
            for (ClientInfo c : ctx.server().clients()) {
                if (ids == null || ids.contains(c.id())) {
                    sb.append(c.line()).append('\n');
                }
            }
        }
        return text(sb.toString());
    }

    static Reply text(String s) {
        return new Reply.VerbatimReply("txt", s.getBytes(StandardCharsets.UTF_8));
    }

    static List<ClientInfo> self(Context ctx) {
        long id = ctx.session().id();
        return ctx.server().clients().stream().filter(c -> c.id() == id).toList();
    }
}
