package io.goredis.command.hash;

import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.store.value.HashValue;
import java.util.function.Function;

/**
 * How the hash commands that only read look their key up, as Redis's {@code lookupKeyRead} then
 * {@code checkType}: a keyspace hit or miss is counted, a missing key answers {@code absent}, a key
 * of another type WRONGTYPE. {@code reader} runs inside {@code Store.read}, so it sees the hash
 * whole; it must copy out what it answers and not keep the hash.
 */
final class HashReads {

    private HashReads() {}

    static <R> R read(Context ctx, byte[] key, R absent, Function<HashValue, R> reader) {
        return ctx.store().read(ctx.session().db(), key, entry -> {
            ctx.counters().hit(entry.isPresent());
            HashValue hash = Values.hash(entry);
            return hash == null ? absent : reader.apply(hash);
        });
    }
}
