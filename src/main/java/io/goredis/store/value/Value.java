package io.goredis.store.value;

/**
 * A key's value: one of Redis's types. Strings are immutable; collections are mutable, and who
 * may change one is part of the {@link io.goredis.store.Store} contract: an updater owns the value
 * it is handed and may change it in place, but only when it then puts that value (it must check its
 * arguments first, so that it never changes a value and then fails or keeps it). Everybody else
 * (a {@code get}, a {@code read}) treats a value as read-only.
 */
public sealed interface Value permits StringValue, HashValue, SetValue, ListValue, ZSetValue {

    Type type();

    /** Estimated heap bytes held by this value (cache weights, INFO memory). Cheap: O(1). */
    long weight();

    /** A deep copy that an updater may change without affecting this one (strings: themselves). */
    Value copy();

    /** What OBJECT ENCODING answers, consistent with Redis 7.0's encodings. */
    String encoding();

    /** Number of elements: bytes of a string, fields of a hash, members of a set, elements of a list or sorted set. */
    long size();
}
