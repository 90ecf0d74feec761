package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.ServerView;
import io.goredis.protocol.Reply;
import java.util.List;

/**
 * HELLO [protover [AUTH username password] [SETNAME clientname]]
 *
 * <p>Switches the connection to RESP2 or RESP3, optionally authenticating and naming it, and
 * answers Redis 7's server map (server, version, proto, id, mode, role, modules). Allowed before AUTH.
 */
final class Hello implements Command {

    static final String NOT_AUTHENTICATED = "NOAUTH HELLO must be called with the client already authenticated, "
            + "otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select "
            + "the RESP protocol version at the same time";

    @Override
    public Reply execute(Args args, Context ctx) {
        long version = 0;
        if (args.hasNext()) {
            Long v = Args.tryParseLong(args.next());
            if (v == null) {
                throw new CommandException("ERR Protocol version is not an integer or out of range");
            }
            if (v < 2 || v > 3) {
                throw new CommandException("NOPROTO unsupported protocol version");
            }
            version = v;
        }
        byte[] user = null;
        byte[] password = null;
        String name = null;
        boolean setName = false;
        while (args.hasNext()) {
            byte[] opt = args.next();
            if (Args.equalsIgnoreCase(opt, "AUTH") && args.remaining() >= 2) {
                user = args.next();
                password = args.next();
            } else if (Args.equalsIgnoreCase(opt, "SETNAME") && args.remaining() >= 1) {
                name = ClientNames.checkedName(args.next());
                setName = true;
            } else {
                throw new CommandException("ERR Syntax error in HELLO option '"
                        + new String(opt, java.nio.charset.StandardCharsets.UTF_8) + "'");
            }
        }
        if (user != null) {
            if (!Auth.authenticate(user, password, ctx)) {
                throw new CommandException(Auth.WRONGPASS);
            }
            ctx.session().authenticated(true);
        }
        if (!ctx.session().authenticated()) {
            throw new CommandException(NOT_AUTHENTICATED);
        }
        if (setName) {
            ctx.session().name(name);
        }
        if (version != 0) {
            ctx.session().protocol((int) version);
        }
        return new Reply.MapReply(
                List.of(Reply.bulk("server"), Reply.bulk("version"), Reply.bulk("proto"), Reply.bulk("id"),
                        Reply.bulk("mode"), Reply.bulk("role"), Reply.bulk("modules")),
                List.of(Reply.bulk("redis"), Reply.bulk(ServerView.REDIS_VERSION),
                        Reply.integer(ctx.session().protocol()), Reply.integer(ctx.session().id()),
                        Reply.bulk("standalone"), Reply.bulk("master"), Reply.EMPTY_ARRAY));
    }
}
