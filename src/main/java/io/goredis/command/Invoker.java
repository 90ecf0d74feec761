package io.goredis.command;

import io.goredis.protocol.Reply;
import java.util.List;

/**
 * Runs commands on behalf of other commands: EXEC replays its queue, a script's {@code redis.call}
 * runs one command. Implemented by the server's dispatcher, so every command takes the same path
 * (table lookup, handler, INFO commandstats) whoever calls it, as Redis's {@code call()}.
 */
public interface Invoker {

    /** The spec {@code argv} names (its subcommand for a container), or null if there is none. */
    CommandSpec lookup(List<byte[]> argv);

    /**
     * Runs {@code spec} (from {@link #lookup}) on {@code argv} (name first) with {@code ctx}, counting
     * the call; a command or store error becomes an error reply. Checks nothing else: arity,
     * authentication and flags are the caller's business, with the caller's error texts.
     */
    Reply invoke(CommandSpec spec, List<byte[]> argv, Context ctx);
}
