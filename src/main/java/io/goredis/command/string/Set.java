package io.goredis.command.string;

import io.goredis.command.Values;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import java.util.Optional;

/**
 * {@code SET key value [NX | XX] [GET] [EX s | PX ms | EXAT unix-s | PXAT unix-ms | KEEPTTL]}
 *
 * <p>Redis's order: options are parsed (syntax errors), then the expiry is validated, then GET
 * reads the old value, then NX / XX decide whether to write. A plain SET (no NX, XX, GET or
 * KEEPTTL) needs no read and goes straight to {@code Store.put}; everything else is one atomic
 * {@code Store.update}. An EXAT / PXAT already in the past leaves no visible key, as in Redis.
 */
final class Set implements Command {

    /** What the update did: whether the key existed, its old value, and whether it was written. */
    private record Outcome(byte[] old, boolean written) {}

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] value = args.next();
        StringOptions opts = StringOptions.parseForSet(args);
        long now = ctx.nowMillis();
        long expireAt = opts.hasExpiry() ? opts.expireAtMillis(now, "set") : Entry.NO_EXPIRY;
        // Redis keeps a key whose expiry equals now until the next millisecond (now > expiry).
        boolean alreadyExpired = opts.hasExpiry() && expireAt < now;
        int db = ctx.session().db();

        if (!opts.nx() && !opts.xx() && !opts.get() && !opts.keepTtl()) {
            if (alreadyExpired) {
                ctx.store().delete(db, key);
            } else {
                ctx.store().put(db, key, value, expireAt);
            }
            return Reply.OK;
        }

        Outcome outcome = ctx.store().update(db, key, current -> decide(current, value, opts, expireAt, alreadyExpired));
        if (opts.get()) {
            ctx.counters().hit(outcome.old() != null);
            return Reply.bulkOrNull(outcome.old());
        }
        return outcome.written() ? Reply.OK : Reply.NULL;
    }

    private static Decision<Outcome> decide(Optional<Entry> current, byte[] value, StringOptions opts,
                                            long expireAt, boolean alreadyExpired) {
        // only SET ... GET reads the old value, and only it answers WRONGTYPE for another type
        byte[] old = opts.get() ? Values.stringOrNull(current) : null;
        if ((opts.nx() && current.isPresent()) || (opts.xx() && current.isEmpty())) {
            return Decision.keep(new Outcome(old, false));
        }
        if (alreadyExpired) {
            return Decision.delete(new Outcome(old, true));
        }
        long expiry = opts.keepTtl() ? current.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY) : expireAt;
        return Decision.put(value, expiry, new Outcome(old, true));
    }
}
