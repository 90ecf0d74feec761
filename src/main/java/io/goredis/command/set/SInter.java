package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * {@code SINTER key [key ...]}: the members every set holds, as a RESP3 set, in the order of the
 * smallest set (see {@link SetAlgebra#inter}); empty if a key is absent. Every key is still
 * type-checked first, as Redis 7.0 does.
 */
final class SInter implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        return SetSources.read(ctx, args.rest(), sets -> SetReplies.set(SetAlgebra.inter(sets, 0)));
    }
}
