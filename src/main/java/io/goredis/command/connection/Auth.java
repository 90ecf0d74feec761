package io.goredis.command.connection;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * AUTH [username] password
 *
 * <p>goredis has one user, {@code default}, whose password is REDIS_PASSWORD. Redis 7's texts: with
 * no password configured the one-argument form is an error and the two-argument form with user
 * {@code default} succeeds (the default user is "nopass").
 */
final class Auth implements Command {

    static final String NO_PASSWORD = "ERR AUTH <password> called without any password configured for the "
            + "default user. Are you sure your configuration is correct?";
    static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";

    private static final byte[] DEFAULT_USER = {'d', 'e', 'f', 'a', 'u', 'l', 't'};

    @Override
    public Reply execute(Args args, Context ctx) {
        if (args.remaining() > 2) {
            throw CommandException.syntax();
        }
        byte[] user = null;
        if (args.remaining() == 1) {
            if (!ctx.server().requiresPassword()) {
                throw new CommandException(NO_PASSWORD);
            }
        } else {
            user = args.next();
        }
        byte[] password = args.next();
        if (!authenticate(user, password, ctx)) {
            throw new CommandException(WRONGPASS);
        }
        ctx.session().authenticated(true);
        return Reply.OK;
    }

    /** True if {@code user} (null: default) with {@code password} is valid. Shared with HELLO AUTH. */
    static boolean authenticate(byte[] user, byte[] password, Context ctx) {
        if (user != null && !java.util.Arrays.equals(user, DEFAULT_USER)) {
            return false;
        }
        if (!ctx.server().requiresPassword()) {
            return true;
        }
        return ctx.server().checkPassword(password);
    }
}
