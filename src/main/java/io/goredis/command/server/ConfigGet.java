package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.ConfigParams;
import io.goredis.command.Context;
import io.goredis.command.keys.Glob;
import java.nio.charset.StandardCharsets;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
            // parameter names are lower case: lower-casing the pattern makes the match case-insensitive
            Glob glob = Glob.compile(pattern.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            for (ConfigParams.Param p : ctx.server().config().all()) {
                if (glob.matches(p.name().getBytes(StandardCharsets.UTF_8))) {
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
