package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.command.string.LongDouble;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.HashValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * {@code HINCRBYFLOAT key field increment}: adds a float to a field in Redis's long double
 * precision, exactly as INCRBYFLOAT does ({@link LongDouble}), and stores and answers the result as
 * Redis prints it. As Redis's {@code hincrbyfloatCommand}: an infinite increment is refused before
 * the key is looked up, a stored value that is not a float and a sum that overflows after. The
 * expiry is kept.
 */
final class HIncrByFloat implements Command {

    static final String NOT_FLOAT = "ERR hash value is not a float";
    static final String INFINITE_INCREMENT = "ERR value is NaN or Infinity";
    static final String NAN_OR_INFINITY = "ERR increment would produce NaN or Infinity";

    private static final LongDouble.Value ZERO = new LongDouble.Value(BigDecimal.ZERO, 0);

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] field = args.next();
        LongDouble.Value incr = LongDouble.parse(args.next());
        args.finish();
        if (incr == null) {
            throw new CommandException(CommandException.NOT_FLOAT);
        }
        if (incr.isInfinite()) {
            throw new CommandException(INFINITE_INCREMENT);
        }
        byte[] result = ctx.store().update(ctx.session().db(), key, current -> {
            HashValue hash = Values.hashForUpdate(current);
            byte[] old = hash.get(field);
            LongDouble.Value value = old == null ? ZERO : LongDouble.parse(old);
            if (value == null) {
                throw new CommandException(NOT_FLOAT);
            }
            BigDecimal sum = LongDouble.add(value, incr);
            if (sum == null) {
                throw new CommandException(NAN_OR_INFINITY);
            }
            byte[] text = LongDouble.format(sum).getBytes(StandardCharsets.US_ASCII);
            hash.put(field.clone(), text);
            return Decision.put(hash, Values.expiry(current), text);
        });
        return Reply.bulk(result);
    }
}
