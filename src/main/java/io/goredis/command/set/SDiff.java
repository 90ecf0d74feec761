package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * {@code SDIFF key [key ...]}: the members of the first set that none of the others holds, as a
 * RESP3 set (see {@link SetAlgebra#diff}); absent keys are empty sets.
 */
final class SDiff implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        return SetSources.read(ctx, args.rest(), sets -> SetReplies.set(SetAlgebra.diff(sets)));
    }
}
