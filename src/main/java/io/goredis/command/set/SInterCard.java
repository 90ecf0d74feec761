package io.goredis.command.set;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SINTERCARD numkeys key [key ...] [LIMIT limit]}: the size of SINTER of the keys, counting
 * stops at {@code limit} (0, the default, means no limit). Arguments are checked before any key is
 * read, with Redis's texts; a repeated LIMIT takes the last.
 */
final class SInterCard implements Command {

    static final String BAD_NUMKEYS = "ERR numkeys should be greater than 0";
    static final String TOO_MANY_KEYS = "ERR Number of keys can't be greater than number of args";
    static final String BAD_LIMIT = "ERR LIMIT can't be negative";

    @Override
    public Reply execute(Args args, Context ctx) {
        Long numKeys = Args.tryParseLong(args.next());
        if (numKeys == null || numKeys < 1) {
            throw new CommandException(BAD_NUMKEYS);
        }
        if (numKeys > args.remaining()) {
            throw new CommandException(TOO_MANY_KEYS);
        }
        List<byte[]> keys = new ArrayList<>(numKeys.intValue());
        for (long i = 0; i < numKeys; i++) {
            keys.add(args.next());
        }
        long limit = 0;
        while (args.hasNext()) {
            if (args.remaining() >= 2 && args.nextIs("limit")) {
                Long l = Args.tryParseLong(args.next());
                if (l == null || l < 0) {
                    throw new CommandException(BAD_LIMIT);
                }
                limit = l;
            } else {
                throw CommandException.syntax();
            }
        }
        long max = limit;
        return SetSources.read(ctx, keys, sets -> Reply.integer(SetAlgebra.inter(sets, max).size()));
    }
}
