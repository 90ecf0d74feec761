package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * {@code SUNIONSTORE destination key [key ...]}: stores SUNION of the keys at {@code destination}
 * (see {@link SetSources#store}) and answers its size.
 */
final class SUnionStore implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] destination = args.next();
        return Reply.integer(SetSources.store(ctx, destination, args.rest(), SetAlgebra::union));
    }
}
