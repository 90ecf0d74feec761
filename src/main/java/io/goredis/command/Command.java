package io.goredis.command;

import io.goredis.protocol.Reply;

/**
 * One Redis command's behaviour. Called by the session after the generic checks (known name,
 * arity, authentication) have passed; it parses its arguments with {@link Args}, acts through the
 * {@link Context}, and returns a {@link Reply}. It never touches the socket.
 *
 * <p>Throw {@link CommandException} for Redis-style errors; {@code StoreException} from the store
 * is turned into an error reply by the session.
 */
@FunctionalInterface
public interface Command {
    Reply execute(Args args, Context ctx);
}
