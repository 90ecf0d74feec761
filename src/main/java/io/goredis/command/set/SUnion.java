package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * {@code SUNION key [key ...]}: the members of any of the sets, as a RESP3 set, in the order of a
 * set built from them (integers ascending while it is an intset); absent keys are empty sets.
 */
final class SUnion implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        return SetSources.read(ctx, args.rest(), sets -> SetReplies.set(SetAlgebra.union(sets)));
    }
}
