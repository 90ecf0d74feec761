package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.CommandException;
import io.goredis.protocol.Reply;

/**
 * {@code FLUSHDB [ASYNC|SYNC]} and {@code FLUSHALL [ASYNC|SYNC]}: removes every key of the selected
 * database, or of all of them. As Redis's {@code getFlushCommandFlags}, exactly one optional word is
 * accepted. Both modes flush before answering: ASYNC only changes how Redis frees the memory.
 */
final class Flush implements Command {

    private final boolean all;

    Flush(boolean all) {
        this.all = all;
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        if (args.remaining() > 1 || (args.hasNext() && !args.nextIs("async") && !args.nextIs("sync"))) {
            throw CommandException.syntax();
        }
        if (all) {
            ctx.store().flushAll();
        } else {
            ctx.store().flush(ctx.session().db());
        }
        return Reply.OK;
    }
}
