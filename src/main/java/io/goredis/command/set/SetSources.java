package io.goredis.command.set;

import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import io.goredis.store.KeyRef;
import io.goredis.store.Mutation;
import io.goredis.store.value.SetValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The source keys of SINTER, SINTERCARD, SUNION, SDIFF and their STORE forms, read at one instant
 * in one {@code Store.updateAll}: on the memory store under the keys' locks, on DynamoDB one
 * TransactGetItems when nothing is written, one transaction with the destination when something
 * is. The operation runs inside the updater (it may run several times on DynamoDB: it is pure).
 *
 * <p>{@code updateAll} takes distinct keys: a key given several times ({@code SINTER a a}) is one
 * slot, and so is a destination that is also a source ({@code SUNIONSTORE a a b}). Every argument
 * maps to its slot, so a repeated key yields the same {@link SetValue} object each time, which
 * {@link SetAlgebra} relies on.
 *
 * <p>As Redis, the sources are looked up in argument order (each lookup a keyspace hit or miss,
 * counted once, outside the retryable updater) and the first one holding another type answers
 * WRONGTYPE; absent keys are null sets. The destination is overwritten whatever it holds.
 */
final class SetSources {

    private SetSources() {}

    /** What the updater found: the operation's result, or the first source's WRONGTYPE. */
    private record Outcome<R>(R result, boolean[] present, CommandException error) {}

    /** What an operation decided: the destination's mutation (KEEP without one) and its result. */
    private record Step<R>(Mutation dest, R result) {}

    /** {@code op} over the sources' sets (null for an absent key), in argument order. */
    static <R> R read(Context ctx, List<byte[]> sources, Function<List<SetValue>, R> op) {
        return run(ctx, null, sources, (sets, dest) -> new Step<>(Mutation.KEEP, op.apply(sets)));
    }

    /**
     * Stores the set {@code op} computes (a fresh one) at {@code dest}, without expiry, replacing
     * whatever {@code dest} held; an empty result deletes {@code dest}. Answers the result's size.
     */
    static long store(Context ctx, byte[] dest, List<byte[]> sources, Function<List<SetValue>, SetValue> op) {
        return run(ctx, dest, sources, (sets, old) -> {
            SetValue result = op.apply(sets);
            if (!result.isEmpty()) {
                return new Step<>(Mutation.put(result, Entry.NO_EXPIRY), result.size());
            }
            return new Step<>(old.isPresent() ? Mutation.DELETE : Mutation.KEEP, 0L);
        });
    }

    private interface Body<R> {
        Step<R> apply(List<SetValue> sets, Optional<Entry> dest);
    }

    private static <R> R run(Context ctx, byte[] dest, List<byte[]> sources, Body<R> body) {
        int db = ctx.session().db();
        Map<KeyRef, Integer> slots = new LinkedHashMap<>();
        if (dest != null) {
            slots.put(new KeyRef(db, dest), 0);
        }
        int[] slotOf = new int[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            slotOf[i] = slots.computeIfAbsent(new KeyRef(db, sources.get(i)), k -> slots.size());
        }
        List<KeyRef> keys = new ArrayList<>(slots.keySet());
        Outcome<R> outcome = ctx.store().updateAll(keys, current -> {
            List<Mutation> mutations = new ArrayList<>(Collections.nCopies(keys.size(), Mutation.KEEP));
            List<SetValue> sets = new ArrayList<>(sources.size());
            boolean[] present = new boolean[sources.size()];
            for (int i = 0; i < sources.size(); i++) {
                Optional<Entry> e = current.get(slotOf[i]);
                present[i] = e.isPresent();
                try {
                    sets.add(Values.set(e));
                } catch (CommandException wrongType) { // Redis stops at the first non-set source
                    return new Decision.Multi<>(mutations, new Outcome<R>(null, Arrays.copyOf(present, i + 1), wrongType));
                }
            }
            Step<R> step = body.apply(Collections.unmodifiableList(sets), dest == null ? Optional.empty() : current.get(0));
            if (dest != null) {
                mutations.set(0, step.dest());
            }
            return new Decision.Multi<>(mutations, new Outcome<>(step.result(), present, null));
        });
        for (boolean p : outcome.present()) {
            ctx.counters().hit(p);
        }
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.result();
    }
}
