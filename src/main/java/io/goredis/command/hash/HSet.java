package io.goredis.command.hash;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.HashValue;
import java.util.List;

/**
 * {@code HSET key field value [field value ...]}: sets the fields (creating the key) and answers how
 * many were new. {@code HMSET} is the same command answering {@code OK}, as in Redis's
 * {@code hsetCommand}. The expiry is kept; the key is always rewritten (WATCH fires even when no
 * value changed, as in Redis).
 */
final class HSet implements Command {

    private final String name;
    private final boolean legacy;

    private HSet(String name, boolean legacy) {
        this.name = name;
        this.legacy = legacy;
    }

    static HSet hset() {
        return new HSet("hset", false);
    }

    static HSet hmset() {
        return new HSet("hmset", true);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> pairs = args.rest();
        if (pairs.size() % 2 != 0) {
            throw new CommandException("ERR wrong number of arguments for '" + name + "' command");
        }
        long created = ctx.store().update(ctx.session().db(), key, current -> {
            HashValue hash = Values.hashForUpdate(current);
            long n = 0;
            for (int i = 0; i < pairs.size(); i += 2) {
                if (hash.put(pairs.get(i).clone(), pairs.get(i + 1).clone())) {
                    n++;
                }
            }
            return Decision.put(hash, Values.expiry(current), n);
        });
        return legacy ? Reply.OK : Reply.integer(created);
    }
}
