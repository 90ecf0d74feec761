package io.goredis.store;

/**
 * One key of a {@link Store#commit}: the state it must still be in ({@code expected}; null for a
 * blind write that read nothing) and what to do with it ({@link Mutation#KEEP} only checks).
 */
public record TxOp(KeyRef key, Stamp expected, Mutation mutation) {

    public TxOp {
        if (key == null || mutation == null) {
            throw new IllegalArgumentException("key and mutation must not be null");
        }
        if (expected == null && !(mutation instanceof Mutation.Put)) {
            throw new IllegalArgumentException("only a put may be blind (no expected stamp)");
        }
    }

    /** A check that {@code key} is still as {@code expected}, writing nothing. */
    public static TxOp check(KeyRef key, Stamp expected) {
        return new TxOp(key, expected, Mutation.KEEP);
    }

    public boolean writes() {
        return !(mutation instanceof Mutation.Keep);
    }
}
