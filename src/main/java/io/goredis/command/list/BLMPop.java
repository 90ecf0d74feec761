package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]}: LMPOP that, when none of
 * the keys holds a list, waits up to {@code timeout} seconds for one ({@link Block}); a null array
 * on timeout. The timeout is parsed first, then LMPOP's arguments (numkeys, keys, end, count).
 */
final class BLMPop implements Command {

    private final LMPop lmpop = new LMPop();

    @Override
    public Reply execute(Args args, Context ctx) {
        long timeout = Timeout.parseMillis(args.next());
        List<byte[]> rest = args.rest();
        Long numkeys = Args.tryParseLong(rest.get(0));
        if (numkeys == null || numkeys < 1) {
            throw new CommandException(LMPop.BAD_NUMKEYS);
        }
        List<byte[]> keys = new ArrayList<>();
        for (int i = 1; i <= numkeys && i < rest.size(); i++) {
            keys.add(rest.get(i));
        }
        return Block.run(ctx, keys, timeout, () -> lmpop.execute(new Args(rest, 0), ctx),
                Reply.NULL_ARRAY, Reply.NULL_ARRAY);
    }
}
