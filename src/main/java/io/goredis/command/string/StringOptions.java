package io.goredis.command.string;

import io.goredis.command.Args;
import io.goredis.command.CommandException;

/**
 * The options of SET ({@code NX XX GET KEEPTTL EX PX EXAT PXAT}) and GETEX
 * ({@code EX PX EXAT PXAT PERSIST}), parsed as Redis's {@code parseExtendedStringArgumentsOrReply}
 * does: options in any order, a repeated option is accepted (the last expiry wins), conflicting
 * ones (NX with XX, two different expiry units, KEEPTTL or PERSIST with an expiry) and anything
 * unknown are {@code ERR syntax error}. The expiry value itself is only checked later, by
 * {@link #expireAtMillis}, so syntax errors come first as in Redis.
 */
record StringOptions(boolean nx, boolean xx, boolean get, boolean keepTtl, boolean persist,
                     Unit unit, byte[] expireArg) {

    /** Which expiry option was given. */
    enum Unit {
        NONE, EX, PX, EXAT, PXAT
    }

    static StringOptions parseForSet(Args args) {
        return parse(args, true);
    }

    static StringOptions parseForGetEx(Args args) {
        return parse(args, false);
    }

    private static StringOptions parse(Args args, boolean set) {
        boolean nx = false;
        boolean xx = false;
        boolean get = false;
        boolean keepTtl = false;
        boolean persist = false;
        Unit unit = Unit.NONE;
        byte[] expireArg = null;
        while (args.hasNext()) {
            byte[] opt = args.next();
            boolean hasValue = args.hasNext();
            if (set && Args.equalsIgnoreCase(opt, "NX") && !xx) {
                nx = true;
            } else if (set && Args.equalsIgnoreCase(opt, "XX") && !nx) {
                xx = true;
            } else if (set && Args.equalsIgnoreCase(opt, "GET")) {
                get = true;
            } else if (set && Args.equalsIgnoreCase(opt, "KEEPTTL") && unit == Unit.NONE) {
                keepTtl = true;
            } else if (!set && Args.equalsIgnoreCase(opt, "PERSIST") && unit == Unit.NONE) {
                persist = true;
            } else {
                Unit u = expiryUnit(opt);
                if (u == null || keepTtl || persist || (unit != Unit.NONE && unit != u) || !hasValue) {
                    throw CommandException.syntax();
                }
                unit = u;
                expireArg = args.next();
            }
        }
        return new StringOptions(nx, xx, get, keepTtl, persist, unit, expireArg);
    }

    private static Unit expiryUnit(byte[] opt) {
        for (Unit u : new Unit[] {Unit.EX, Unit.PX, Unit.EXAT, Unit.PXAT}) {
            if (Args.equalsIgnoreCase(opt, u.name())) {
                return u;
            }
        }
        return null;
    }

    boolean hasExpiry() {
        return unit != Unit.NONE;
    }

    /** True for EXAT / PXAT: the only expiries that may already lie in the past. */
    boolean absolute() {
        return unit == Unit.EXAT || unit == Unit.PXAT;
    }

    /** The absolute expiry in ms; only when {@link #hasExpiry()}. Throws Redis's expiry errors. */
    long expireAtMillis(long nowMillis, String command) {
        boolean seconds = unit == Unit.EX || unit == Unit.EXAT;
        return Expiry.absoluteMillis(expireArg, seconds, !absolute(), nowMillis, command);
    }
}
