package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.ClientInfo;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * CLIENT KILL ip:port
 * CLIENT KILL [ID id] [TYPE type] [USER user] [ADDR ip:port] [LADDR ip:port] [SKIPME yes|no] ...
 *
 * <p>The old form answers {@code +OK} or {@code ERR No such client}; the filter form answers how many
 * clients were killed and skips the caller unless {@code SKIPME no}.
 */
final class ClientKill implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        long self = ctx.session().id();
        if (args.remaining() == 1) {
            String addr = args.nextString();
            int n = ctx.server().kill(c -> c.addr().equals(addr), ctx.session());
            if (n == 0) {
                throw new CommandException("ERR No such client");
            }
            return Reply.OK;
        }
        Predicate<ClientInfo> filter = c -> true;
        boolean skipMe = true;
        while (args.hasNext()) {
            String option = args.nextString().toLowerCase(Locale.ROOT);
            if (!args.hasNext()) {
                throw CommandException.syntax();
            }
            byte[] value = args.next();
            String text = new String(value, java.nio.charset.StandardCharsets.UTF_8);
            switch (option) {
                case "id" -> {
                    Long id = Args.tryParseLong(value);
                    if (id == null || id < 1) {
                        throw new CommandException("ERR client-id should be greater than 0");
                    }
                    filter = filter.and(c -> c.id() == id);
                }
                case "type" -> {
                    if (!isType(text)) {
                        throw new CommandException("ERR Unknown client type '" + text + "'");
                    }
                    boolean normal = isNormalType(text);
                    filter = filter.and(c -> normal);
                }
                case "user" -> {
                    if (!text.equals("default")) {
                        throw new CommandException("ERR No such user '" + text + "'");
                    }
                }
                case "addr" -> filter = filter.and(c -> c.addr().equals(text));
                case "laddr" -> filter = filter.and(c -> c.laddr().equals(text));
                case "skipme" -> {
                    if (text.equalsIgnoreCase("yes")) {
                        skipMe = true;
                    } else if (text.equalsIgnoreCase("no")) {
                        skipMe = false;
                    } else {
                        throw CommandException.syntax();
                    }
                }
                default -> throw CommandException.syntax();
            }
        }
        if (skipMe) {
            filter = filter.and(c -> c.id() != self);
        }
        return Reply.integer(ctx.server().kill(filter, ctx.session()));
    }

    /** Redis's client type names (CLIENT LIST / KILL TYPE). */
    static boolean isType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "normal", "master", "replica", "slave", "pubsub" -> true;
            default -> false;
        };
    }

    /** True for "normal"; false for another known type; error for an unknown one. */
    static boolean isNormalType(String type) {
        if (!isType(type)) {
            throw new CommandException("ERR Unknown client type '" + type + "'");
        }
        return type.equalsIgnoreCase("normal");
    }
}
