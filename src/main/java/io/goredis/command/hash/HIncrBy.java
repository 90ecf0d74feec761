package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.HashValue;
import java.nio.charset.StandardCharsets;

/**
 * {@code HINCRBY key field increment}: atomic 64-bit addition to a field holding a Redis integer
 * (an absent field or key counts as 0), as Redis's {@code hincrbyCommand}: the increment is parsed
 * first, the stored value strictly, and a result past the long range is refused. Answers the new
 * value; the expiry is kept.
 */
final class HIncrBy implements Command {

    static final String NOT_INTEGER = "ERR hash value is not an integer";

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] field = args.next();
        long incr = args.nextLong();
        args.finish();
        long result = ctx.store().update(ctx.session().db(), key, current -> {
            HashValue hash = Values.hashForUpdate(current);
            byte[] old = hash.get(field);
            Long parsed = old == null ? Long.valueOf(0) : Args.tryParseLong(old);
            if (parsed == null) {
                throw new CommandException(NOT_INTEGER);
            }
            long value = parsed;
            if ((incr < 0 && value < 0 && incr < Long.MIN_VALUE - value)
                    || (incr > 0 && value > 0 && incr > Long.MAX_VALUE - value)) {
                throw new CommandException(CommandException.OVERFLOW);
            }
            long next = value + incr;
            hash.put(field.clone(), Long.toString(next).getBytes(StandardCharsets.US_ASCII));
            return Decision.put(hash, Values.expiry(current), next);
        });
        return Reply.integer(result);
    }
}
