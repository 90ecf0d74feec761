package io.goredis.command;

import io.goredis.store.Entry;
import io.goredis.store.value.HashValue;
import io.goredis.store.value.ListValue;
import io.goredis.store.value.SetValue;
import io.goredis.store.value.StringValue;
import io.goredis.store.value.Value;
import io.goredis.store.value.ZSetValue;
import java.util.Optional;

/**
 * How commands read a key's value as a given type: the one place that turns a value of another
 * type into Redis's {@code -WRONGTYPE} error, so every command answers it the same way.
 *
 * <p>The {@code ...ForUpdate} forms are for updaters: they hand out the value the updater owns (a
 * new, empty one when the key is absent), which it may change in place and must then put (see
 * {@link Value}).
 */
public final class Values {

    private Values() {}

    private static CommandException wrongType() {
        return new CommandException(CommandException.WRONGTYPE);
    }

    /** The string value of {@code entry}; WRONGTYPE if it holds another type. */
    public static byte[] string(Entry entry) {
        if (entry.value() instanceof StringValue s) {
            return s.bytes();
        }
        throw wrongType();
    }

    /** The string value, or null when the key is absent; WRONGTYPE if it holds another type. */
    public static byte[] stringOrNull(Optional<Entry> entry) {
        return entry.isEmpty() ? null : string(entry.get());
    }

    /** The string value, or null when absent or of another type (MGET answers nil for those). */
    public static byte[] stringIfString(Optional<Entry> entry) {
        return entry.isPresent() && entry.get().value() instanceof StringValue s ? s.bytes() : null;
    }

    /** The hash, or null when the key is absent; WRONGTYPE if it holds another type. */
    public static HashValue hash(Optional<Entry> entry) {
        if (entry.isEmpty()) {
            return null;
        }
        if (entry.get().value() instanceof HashValue h) {
            return h;
        }
        throw wrongType();
    }

    /** The hash an updater may change: the key's, or a new empty one; WRONGTYPE for another type. */
    public static HashValue hashForUpdate(Optional<Entry> entry) {
        HashValue h = hash(entry);
        return h == null ? new HashValue() : h;
    }

    /** The set, or null when the key is absent; WRONGTYPE if it holds another type. */
    public static SetValue set(Optional<Entry> entry) {
        if (entry.isEmpty()) {
            return null;
        }
        if (entry.get().value() instanceof SetValue s) {
            return s;
        }
        throw wrongType();
    }

    /** The set an updater may change: the key's, or a new empty one; WRONGTYPE for another type. */
    public static SetValue setForUpdate(Optional<Entry> entry) {
        SetValue s = set(entry);
        return s == null ? new SetValue() : s;
    }

    /** The list, or null when the key is absent; WRONGTYPE if it holds another type. */
    public static ListValue list(Optional<Entry> entry) {
        if (entry.isEmpty()) {
            return null;
        }
        if (entry.get().value() instanceof ListValue l) {
            return l;
        }
        throw wrongType();
    }

    /** The list an updater may change: the key's, or a new empty one; WRONGTYPE for another type. */
    public static ListValue listForUpdate(Optional<Entry> entry) {
        ListValue l = list(entry);
        return l == null ? new ListValue() : l;
    }

    /** The sorted set, or null when the key is absent; WRONGTYPE if it holds another type. */
    public static ZSetValue zset(Optional<Entry> entry) {
        if (entry.isEmpty()) {
            return null;
        }
        if (entry.get().value() instanceof ZSetValue z) {
            return z;
        }
        throw wrongType();
    }

    /** The sorted set an updater may change: the key's, or a new empty one; WRONGTYPE for another type. */
    public static ZSetValue zsetForUpdate(Optional<Entry> entry) {
        ZSetValue z = zset(entry);
        return z == null ? new ZSetValue() : z;
    }

    /** The expiry to keep when an updater rewrites the key ({@link Entry#NO_EXPIRY} when absent). */
    public static long expiry(Optional<Entry> entry) {
        return entry.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY);
    }
}
