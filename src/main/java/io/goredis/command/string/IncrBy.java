package io.goredis.command.string;

import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import java.nio.charset.StandardCharsets;

/**
 * {@code INCR key}, {@code DECR key}, {@code INCRBY key increment}, {@code DECRBY key decrement}:
 * atomic 64-bit arithmetic on a value holding a Redis integer (an absent key counts as 0). The
 * value must parse strictly (no spaces, no leading zeros, no '+'), and the result must not
 * overflow; the expiry is kept.
 */
final class IncrBy implements Command {

    /** How the delta is obtained: fixed (INCR, DECR) or from the argument (INCRBY, DECRBY). */
    private enum Kind {
        INCR, DECR, INCRBY, DECRBY
    }

    private final Kind kind;

    private IncrBy(Kind kind) {
        this.kind = kind;
    }

    static IncrBy incr() {
        return new IncrBy(Kind.INCR);
    }

    static IncrBy decr() {
        return new IncrBy(Kind.DECR);
    }

    static IncrBy incrBy() {
        return new IncrBy(Kind.INCRBY);
    }

    static IncrBy decrBy() {
        return new IncrBy(Kind.DECRBY);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long delta = switch (kind) {
            case INCR -> 1;
            case DECR -> -1;
            case INCRBY -> args.nextLong();
            case DECRBY -> {
                long d = args.nextLong();
                if (d == Long.MIN_VALUE) { // negating it would overflow
                    throw new CommandException("ERR decrement would overflow");
                }
                yield -d;
            }
        };
        args.finish();
        return Reply.integer(add(ctx, key, delta));
    }

    /** Adds {@code delta} to the integer at {@code key} atomically and returns the new value. */
    static long add(Context ctx, byte[] key, long delta) {
        return ctx.store().update(ctx.session().db(), key, current -> {
            long value = current.isEmpty() ? 0 : Args.parseLong(Values.string(current.get()));
            if ((delta < 0 && value < 0 && delta < Long.MIN_VALUE - value)
                    || (delta > 0 && value > 0 && delta > Long.MAX_VALUE - value)) {
                throw new CommandException(CommandException.OVERFLOW);
            }
            long next = value + delta;
            long expiry = current.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY);
            return Decision.put(Long.toString(next).getBytes(StandardCharsets.US_ASCII), expiry, next);
        });
    }
}
