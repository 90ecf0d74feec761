package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;

/**
 * {@code EXPIRE key seconds [NX|XX|GT|LT]}, and PEXPIRE (milliseconds), EXPIREAT (Unix seconds),
 * PEXPIREAT (Unix milliseconds): sets a key's time to live, as Redis's {@code expireGenericCommand}.
 * Answers 1 if set, 0 if the key is absent or a condition failed. A time at or before now deletes
 * the key (and still answers 1). The whole check-and-set is one atomic {@code Store.update}.
 *
 * <p>Validation order follows Redis: options, then the integer, then overflow of the unit
 * conversion and of adding the base time, and only then the key.
 */
final class Expire implements Command {

    /** Option bits, as Redis's EXPIRE_NX etc. */
    static final int NX = 1;
    static final int XX = 2;
    static final int GT = 4;
    static final int LT = 8;

    private final String name;
    private final boolean seconds;
    private final boolean relative;

    /** {@code name} is the lower-case command name Redis quotes in "invalid expire time in '...'". */
    Expire(String name, boolean seconds, boolean relative) {
        this.name = name;
        this.seconds = seconds;
        this.relative = relative;
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] time = args.next();
        int flags = parseFlags(args);
        long when = Args.parseLong(time);
        long now = ctx.nowMillis();
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                throw invalidTime();
            }
            when *= 1000;
        }
        long base = relative ? now : 0;
        if (when > Long.MAX_VALUE - base) {
            throw invalidTime();
        }
        long at = when + base;
        boolean set = ctx.store().update(ctx.session().db(), key, current -> {
            if (current.isEmpty()) {
                return Decision.keep(false);
            }
            Entry e = current.get();
            if (!allowed(flags, e.hasExpiry() ? e.expireAtMillis() : -1, at)) {
                return Decision.keep(false);
            }
            return at <= now ? Decision.delete(true) : Decision.put(e.value(), at, true);
        });
        return set ? Reply.ONE : Reply.ZERO;
    }

    /** Redis's {@code parseExtendedExpireArgumentsOrReply}: any order, repeats allowed, then the combination rules. */
    static int parseFlags(Args args) {
        int flags = 0;
        while (args.hasNext()) {
            byte[] opt = args.next();
            if (Args.equalsIgnoreCase(opt, "nx")) {
                flags |= NX;
            } else if (Args.equalsIgnoreCase(opt, "xx")) {
                flags |= XX;
            } else if (Args.equalsIgnoreCase(opt, "gt")) {
                flags |= GT;
            } else if (Args.equalsIgnoreCase(opt, "lt")) {
                flags |= LT;
            } else {
                throw new CommandException("ERR Unsupported option "
                        + new String(opt, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
            throw new CommandException("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if ((flags & GT) != 0 && (flags & LT) != 0) {
            throw new CommandException("ERR GT and LT options at the same time are not compatible");
        }
        return flags;
    }

    /** The NX/XX/GT/LT conditions against the current expiry ({@code -1} for none, i.e. infinite). */
    static boolean allowed(int flags, long current, long when) {
        if ((flags & NX) != 0 && current != -1) {
            return false;
        }
        if ((flags & XX) != 0 && current == -1) {
            return false;
        }
        if ((flags & GT) != 0 && (current == -1 || when <= current)) {
            return false;
        }
        return (flags & LT) == 0 || current == -1 || when < current;
    }

    private CommandException invalidTime() {
        return new CommandException("ERR invalid expire time in '" + name + "' command");
    }
}
