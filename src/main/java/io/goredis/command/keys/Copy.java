package io.goredis.command.keys;

import io.goredis.store.value.StringValue;
import io.goredis.store.value.Value;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code COPY source destination [DB destination-db] [REPLACE]}: copies the value and its expiry;
 * 1 if copied, 0 if the source is absent or the destination exists without REPLACE. One atomic
 * {@code Store.updateAll} over both keys. The source lookup is a keyspace hit or miss, as in Redis.
 */
final class Copy implements Command {

    static final String SAME_OBJECT = "ERR source and destination objects are the same";

    /** What the updater saw and did, so hits are counted once, outside the (retryable) updater. */
    private enum Outcome { NO_SOURCE, TARGET_EXISTS, COPIED }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] source = args.next();
        byte[] target = args.next();
        int srcDb = ctx.session().db();
        int dstDb = srcDb;
        boolean replace = false;
        while (args.hasNext()) {
            if (args.nextIs("replace")) {
                replace = true;
            } else if (args.remaining() >= 2 && args.nextIs("db")) {
                dstDb = Databases.parseTarget(args.next(), ctx);
            } else {
                throw CommandException.syntax();
            }
        }
        if (srcDb == dstDb && Arrays.equals(source, target)) {
            throw new CommandException(SAME_OBJECT);
        }
        boolean overwrite = replace;
        Outcome outcome = ctx.store().updateAll(
                List.of(new KeyRef(srcDb, source), new KeyRef(dstDb, target)), current -> {
                    Optional<Entry> src = current.get(0);
                    if (src.isEmpty()) {
                        return keepBoth(Outcome.NO_SOURCE);
                    }
                    if (current.get(1).isPresent() && !overwrite) {
                        return keepBoth(Outcome.TARGET_EXISTS);
                    }
                    Entry e = src.get();
                    return new Decision.Multi<>(
                            List.of(Mutation.KEEP, Mutation.put(duplicate(e.value()), e.expireAtMillis())), Outcome.COPIED);
                });
        ctx.counters().hit(outcome != Outcome.NO_SOURCE);
        return outcome == Outcome.COPIED ? Reply.ONE : Reply.ZERO;
    }

    private static Decision.Multi<Outcome> keepBoth(Outcome o) {
        return new Decision.Multi<>(List.of(Mutation.KEEP, Mutation.KEEP), o);
    }

    /** A value for the destination that changes independently of the source (a new object, as Redis's). */
    private static Value duplicate(Value v) {
        return v instanceof StringValue s ? s.unshared() : v.copy();
    }
}
