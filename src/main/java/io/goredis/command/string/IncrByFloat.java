package io.goredis.command.string;

import io.goredis.store.value.StringValue;
import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * {@code INCRBYFLOAT key increment}: adds a float in Redis's long double precision (emulated by
 * {@link LongDouble}) and stores and answers the result as Redis prints it (e.g. "10.6",
 * "5010.60000000000000009"). The expiry is kept.
 */
final class IncrByFloat implements Command {

    static final String NAN_OR_INFINITY = "ERR increment would produce NaN or Infinity";

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] incrArg = args.next();
        args.finish();
        LongDouble.Value incr = LongDouble.parse(incrArg);
        byte[] result = ctx.store().update(ctx.session().db(), key, current -> {
            LongDouble.Value value = current.isEmpty()
                    ? new LongDouble.Value(BigDecimal.ZERO, 0)
                    : LongDouble.parse(Values.string(current.get()));
            if (value == null || incr == null) {
                throw new CommandException(CommandException.NOT_FLOAT);
            }
            BigDecimal sum = LongDouble.add(value, incr);
            if (sum == null) {
                throw new CommandException(NAN_OR_INFINITY);
            }
            byte[] text = LongDouble.format(sum).getBytes(StandardCharsets.US_ASCII);
            return Decision.put(StringValue.embstr(text), current.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY), text);
        });
        return Reply.bulk(result);
    }
}
