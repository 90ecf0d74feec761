package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * {@code SDIFFSTORE destination key [key ...]}: stores SDIFF of the keys at {@code destination}
 * (see {@link SetSources#store}) and answers its size.
 */
final class SDiffStore implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] destination = args.next();
        return Reply.integer(SetSources.store(ctx, destination, args.rest(), SetAlgebra::diff));
    }
}
