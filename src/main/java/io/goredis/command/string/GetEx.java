package io.goredis.command.string;

import io.goredis.store.Mutation;
import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import java.util.Optional;

/**
 * {@code GETEX key [EX s | PX ms | EXAT unix-s | PXAT unix-ms | PERSIST]}: GET that also sets or
 * removes the expiry.
 *
 * <p>As in Redis, an absent key answers a null bulk even when the expiry is invalid (the key is
 * looked up before the expiry is checked), and an EXAT / PXAT at or before now deletes the key
 * after answering its value.
 */
final class GetEx implements Command {

    /** The value read (null if absent) and the expiry error to report, if any. */
    private record Outcome(byte[] value, CommandException error) {}

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        StringOptions opts = StringOptions.parseForGetEx(args);
        int db = ctx.session().db();
        if (!opts.hasExpiry() && !opts.persist()) {
            Optional<Entry> entry = ctx.store().get(db, key);
            ctx.counters().hit(entry.isPresent());
            return Reply.bulkOrNull(Values.stringOrNull(entry));
        }

        long now = ctx.nowMillis();
        long expireAt = Entry.NO_EXPIRY;
        CommandException invalid = null;
        if (opts.hasExpiry()) {
            try {
                expireAt = opts.expireAtMillis(now, "getex");
            } catch (CommandException e) {
                invalid = e;
            }
        }
        long newExpiry = expireAt;
        CommandException error = invalid;
        Outcome outcome = ctx.store().update(db, key, current -> decide(current, opts, newExpiry, now, error));
        ctx.counters().hit(outcome.value() != null);
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return Reply.bulkOrNull(outcome.value());
    }

    private static Decision<Outcome> decide(Optional<Entry> current, StringOptions opts, long expireAt,
                                            long now, CommandException error) {
        if (current.isEmpty()) {
            return Decision.keep(new Outcome(null, null));
        }
        Entry e = current.get();
        if (error != null) {
            return Decision.keep(new Outcome(Values.string(e), error));
        }
        Outcome ok = new Outcome(Values.string(e), null);
        if (opts.hasExpiry()) {
            // Redis's checkAlreadyExpired: an absolute time at or before now deletes the key.
            return opts.absolute() && expireAt <= now
                    ? Decision.delete(ok)
                    : new Decision<>(Mutation.put(e.value(), expireAt), ok);
        }
        // PERSIST: only a key that has an expiry is rewritten.
        return e.hasExpiry() ? Decision.put(e.value(), Entry.NO_EXPIRY, ok) : Decision.keep(ok);
    }
}
