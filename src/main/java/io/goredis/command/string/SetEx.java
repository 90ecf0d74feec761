package io.goredis.command.string;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * {@code SETEX key seconds value} and {@code PSETEX key milliseconds value}: SET with a relative
 * expiry, errors named after the command ({@code ERR invalid expire time in 'setex' command}).
 */
final class SetEx implements Command {

    private final boolean seconds;
    private final String name;

    private SetEx(boolean seconds, String name) {
        this.seconds = seconds;
        this.name = name;
    }

    static SetEx setex() {
        return new SetEx(true, "setex");
    }

    static SetEx psetex() {
        return new SetEx(false, "psetex");
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        byte[] expire = args.next();
        byte[] value = args.next();
        args.finish();
        long expireAt = Expiry.absoluteMillis(expire, seconds, true, ctx.nowMillis(), name);
        ctx.store().put(ctx.session().db(), key, value, expireAt);
        return Reply.OK;
    }
}
