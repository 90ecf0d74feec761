package io.goredis.command.string;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code MSET key value [key value ...]} and {@code MSETNX key value [key value ...]}: set several
 * keys atomically (one {@code Store.updateAll}), dropping their expiries. MSETNX writes nothing and
 * answers 0 if any key exists. A key given twice takes its last value, as in Redis.
 */
final class MSet implements Command {

    private final boolean nx;
    private final String name;

    private MSet(boolean nx, String name) {
        this.nx = nx;
        this.name = name;
    }

    static MSet mset() {
        return new MSet(false, "mset");
    }

    static MSet msetnx() {
        return new MSet(true, "msetnx");
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        List<byte[]> pairs = args.rest();
        if (pairs.size() % 2 != 0) {
            throw new CommandException("ERR wrong number of arguments for '" + name + "' command");
        }
        int db = ctx.session().db();
        Map<KeyRef, byte[]> last = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            last.put(new KeyRef(db, pairs.get(i)), pairs.get(i + 1));
        }
        List<KeyRef> keys = new ArrayList<>(last.keySet());
        List<Mutation> writes = new ArrayList<>(keys.size());
        for (byte[] value : last.values()) {
            writes.add(Mutation.put(value, Entry.NO_EXPIRY));
        }
        boolean written = ctx.store().updateAll(keys, current -> {
            if (nx && current.stream().anyMatch(Optional::isPresent)) {
                return new Decision.Multi<>(Collections.nCopies(keys.size(), Mutation.KEEP), false);
            }
            return new Decision.Multi<>(writes, true);
        });
        if (!nx) {
            return Reply.OK;
        }
        return written ? Reply.ONE : Reply.ZERO;
    }
}
