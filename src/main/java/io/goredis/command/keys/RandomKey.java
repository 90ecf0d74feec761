package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** {@code RANDOMKEY}: a random live key of the selected database, or a null bulk when it is empty. */
final class RandomKey implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        args.finish();
        return Reply.bulkOrNull(ctx.store().randomKey(ctx.session().db()).orElse(null));
    }
}
