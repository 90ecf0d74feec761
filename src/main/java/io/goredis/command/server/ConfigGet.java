package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.ConfigParams;
import io.goredis.command.Context;
import io.goredis.command.keys.Glob;
import java.nio.charset.StandardCharsets;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        // name as printed -> parameter; a name without glob characters is echoed as typed, as Redis does
        Map<ConfigParams.Param, String> hits = new LinkedHashMap<>();
        for (String pattern : patterns) {
            if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('[') < 0) {
                ConfigParams.Param p = ctx.server().config().get(pattern.toLowerCase(Locale.ROOT));
                if (p != null) {
                    hits.putIfAbsent(p, pattern);
                }
                continue;
            }
            // parameter names are lower case: lower-casing the pattern makes the match case-insensitive
            Glob glob = Glob.compile(pattern.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            for (ConfigParams.Param p : ctx.server().config().all()) {
                if (glob.matches(p.name().getBytes(StandardCharsets.UTF_8))) {
                    hits.putIfAbsent(p, p.name());
                }
            }
        }
        List<Reply> keys = new ArrayList<>();
        List<Reply> values = new ArrayList<>();
        hits.forEach((p, name) -> {
            keys.add(Reply.bulk(name));
            values.add(Reply.bulk(p.getter().get()));
        });
        return new Reply.MapReply(keys, values);
    }
}
