package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Session;
import io.goredis.protocol.Reply;

/**
 * RESET: back to a fresh connection's state (database 0, RESP2, no name, no MULTI or WATCH, and
 * unauthenticated when a password is required). Answers {@code +RESET}. Allowed before AUTH.
 */
final class Reset implements Command {

    static final Reply RESET = new Reply.SimpleString("RESET");

    @Override
    public Reply execute(Args args, Context ctx) {
        Session s = ctx.session();
        s.select(0);
        s.protocol(2);
        s.name(null);
        s.authenticated(!ctx.server().requiresPassword());
        s.tx().end();
        s.tx().unwatch();
        return RESET;
    }
}
