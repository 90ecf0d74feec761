package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import io.goredis.store.value.ListValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]}: pops up to {@code count} (default 1)
 * elements from the first of the keys that holds a list and answers {@code [key, [elements]]}, or
 * a null array when none does. Ported from Redis's {@code lmpopGenericCommand} (the parse, its
 * texts and order) and {@code mpopGenericCommand}: keys are tried in order, an absent one is
 * skipped and the first of another type answers WRONGTYPE. The keys are read at one instant: one
 * {@code Store.updateAll} over the distinct keys (one {@code Store.update} for a single key).
 */
final class LMPop implements Command {

    static final String BAD_NUMKEYS = "ERR numkeys should be greater than 0";
    static final String BAD_COUNT = "ERR count should be greater than 0";

    @Override
    public Reply execute(Args args, Context ctx) {
        long numkeys = atLeastOne(args.next(), BAD_NUMKEYS);
        if (numkeys >= args.remaining()) { // Redis: the LEFT|RIGHT index past the arguments
            throw CommandException.syntax();
        }
        List<byte[]> keys = new ArrayList<>((int) numkeys);
        for (long i = 0; i < numkeys; i++) {
            keys.add(args.next());
        }
        End end = End.parse(args.next());
        long count = -1;
        while (args.hasNext()) {
            byte[] opt = args.next();
            if (count == -1 && args.hasNext() && Args.equalsIgnoreCase(opt, "COUNT")) {
                count = atLeastOne(args.next(), BAD_COUNT);
            } else {
                throw CommandException.syntax();
            }
        }
        return pop(ctx, keys, end, count == -1 ? 1 : count);
    }

    /** Redis's {@code getRangeLongFromObjectOrReply(1, LONG_MAX)} with its own message. */
    private static long atLeastOne(byte[] arg, String error) {
        Long v = Args.tryParseLong(arg);
        if (v == null || v < 1) {
            throw new CommandException(error);
        }
        return v;
    }

    private static Reply pop(Context ctx, List<byte[]> keys, End end, long count) {
        int db = ctx.session().db();
        Map<KeyRef, Integer> slots = new LinkedHashMap<>();
        for (byte[] k : keys) {
            slots.putIfAbsent(new KeyRef(db, k), slots.size());
        }
        List<KeyRef> refs = new ArrayList<>(slots.keySet());
        if (refs.size() == 1) {
            return ctx.store().update(db, keys.get(0), current -> {
                Step step = step(current, keys.get(0), end, count);
                return step == null ? Decision.keep(Reply.NULL_ARRAY) : new Decision<>(step.mutation(), step.reply());
            });
        }
        return ctx.store().updateAll(refs, current -> {
            List<Mutation> mutations = new ArrayList<>(Collections.nCopies(refs.size(), Mutation.KEEP));
            for (KeyRef ref : refs) { // in argument order: a repeated key is tried once
                int slot = slots.get(ref);
                Step step = step(current.get(slot), ref.key(), end, count);
                if (step != null) {
                    mutations.set(slot, step.mutation());
                    return new Decision.Multi<>(mutations, step.reply());
                }
            }
            return new Decision.Multi<>(mutations, Reply.NULL_ARRAY);
        });
    }

    private record Step(Mutation mutation, Reply reply) {}

    /** The pop from {@code key} if it holds a list, null when it is absent; WRONGTYPE for another type. */
    private static Step step(Optional<Entry> current, byte[] key, End end, long count) {
        ListValue list = Values.list(current);
        if (list == null || list.isEmpty()) {
            return null;
        }
        Reply reply = Reply.array(Reply.bulk(key), new Reply.ArrayReply(Pop.pop(list, end, count)));
        return new Step(list.isEmpty() ? Mutation.DELETE : Mutation.put(list, Values.expiry(current)), reply);
    }
}
