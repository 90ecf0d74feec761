package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.time.Instant;

/** TIME: the server clock as [unix seconds, microseconds], both bulk strings. */
final class Time implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        Instant now = ctx.clock().instant();
        return Reply.array(Reply.bulk(Long.toString(now.getEpochSecond())), Reply.bulk(Long.toString(now.getNano() / 1000)));
    }
}
