package io.goredis.command.list;

import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.store.value.ListValue;
import java.util.function.Function;

/**
 * How the list commands that only read look their key up, as Redis's {@code lookupKeyRead} then
 * {@code checkType}: a keyspace hit or miss is counted, a missing key answers {@code absent}, a key
 * of another type WRONGTYPE. {@code reader} runs inside {@code Store.read}, so it sees the list
 * whole; it must copy out what it answers and not keep the list.
 */
final class ListReads {

    private ListReads() {}

    static <R> R read(Context ctx, byte[] key, R absent, Function<ListValue, R> reader) {
        return ctx.store().read(ctx.session().db(), key, entry -> {
            ctx.counters().hit(entry.isPresent());
            ListValue list = Values.list(entry);
            return list == null ? absent : reader.apply(list);
        });
    }
}
