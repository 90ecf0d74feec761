package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.ConfigParams;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CONFIG GET parameter [parameter ...]
 *
 * <p>Every known parameter matching any of the glob patterns (case-insensitive), as name/value
 * pairs: a map in RESP3, a flat array in RESP2. Unknown names give an empty reply, as in Redis.
 */
final class ConfigGet implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        List<String> patterns = new ArrayList<>();
        while (args.hasNext()) {
            patterns.add(args.nextString());
        }
        Set<ConfigParams.Param> hits = new LinkedHashSet<>();
        for (String pattern : patterns) {
            for (ConfigParams.Param p : ctx.server().config().all()) {
                if (Glob.matches(pattern, p.name(), true)) {
                    hits.add(p);
                }
            }
        }
        List<Reply> keys = new ArrayList<>();
        List<Reply> values = new ArrayList<>();
        for (ConfigParams.Param p : hits) {
            keys.add(Reply.bulk(p.name()));
            values.add(Reply.bulk(p.getter().get()));
        }
        return new Reply.MapReply(keys, values);
    }
}
