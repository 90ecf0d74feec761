package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/** CONFIG RESETSTAT: zeroes the INFO stats and commandstats counters (and keyspace hits/misses). */
final class ConfigResetStat implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        ctx.server().stats().reset();
        ctx.counters().keyspaceHits.reset();
        ctx.counters().keyspaceMisses.reset();
        return Reply.OK;
    }
}
