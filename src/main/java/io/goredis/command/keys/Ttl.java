package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.Optional;

/**
 * {@code TTL key}, PTTL, EXPIRETIME and PEXPIRETIME, as Redis's {@code ttlGenericCommand}: the
 * remaining time to live (or the absolute expiry), {@code -2} if the key is absent and {@code -1}
 * if it has no expiry. Seconds are rounded to nearest as Redis does: {@code (ms + 500) / 1000}.
 */
final class Ttl implements Command {

    private final boolean millis;
    private final boolean absolute;

    Ttl(boolean millis, boolean absolute) {
        this.millis = millis;
        this.absolute = absolute;
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        Optional<Entry> found = ctx.store().get(ctx.session().db(), key);
        ctx.counters().hit(found.isPresent());
        if (found.isEmpty()) {
            return Reply.integer(-2);
        }
        Entry e = found.get();
        if (!e.hasExpiry()) {
            return Reply.integer(-1);
        }
        long ms = absolute ? e.expireAtMillis() : Math.max(0, e.expireAtMillis() - ctx.nowMillis());
        // ms + 500 may pass Long.MAX_VALUE (an expiry near it): as unsigned it cannot, and Redis
        // answers the exact quotient there too (EXPIRETIME after PEXPIREAT k 9223372036854775807).
        return Reply.integer(millis ? ms : Long.divideUnsigned(ms + 500, 1000));
    }
}
