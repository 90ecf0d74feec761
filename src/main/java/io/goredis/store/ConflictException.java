package io.goredis.store;

/**
 * A {@link Store#commit} found a key no longer as the transaction saw it: nothing was written. The
 * transaction may run again on fresh state. {@code index} is the position of the first key found
 * changed in the operations committed, or -1 when the store cannot tell (a conflict with a
 * concurrent transaction on the backend).
 */
public final class ConflictException extends StoreException {

    private final int index;

    public ConflictException(int index) {
        super("ERR transaction conflict" + (index >= 0 ? " on key #" + index : ""));
        this.index = index;
    }

    public int index() {
        return index;
    }
}
