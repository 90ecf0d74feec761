package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.List;

/**
 * {@code BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout} and
 * {@code BRPOPLPUSH source destination timeout}: LMOVE (RPOPLPUSH) that, when {@code source} holds
 * no list, waits up to {@code timeout} seconds for one ({@link Block}); a null array on timeout,
 * as Redis 7.0. The timeout is parsed first, then LMOVE's arguments.
 */
final class BLMove implements Command {

    private final LMove move;

    private BLMove(LMove move) {
        this.move = move;
    }

    static BLMove blmove() {
        return new BLMove(LMove.lmove());
    }

    static BLMove brpoplpush() {
        return new BLMove(LMove.rpoplpush());
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        List<byte[]> argv = args.rest();
        long timeout = Timeout.parseMillis(argv.get(argv.size() - 1));
        List<byte[]> lmove = argv.subList(0, argv.size() - 1);
        return Block.run(ctx, List.of(argv.get(0)), timeout,
                () -> move.execute(new Args(lmove, 0), ctx), Reply.NULL, Reply.NULL_ARRAY);
    }
}
