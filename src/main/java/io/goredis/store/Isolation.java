package io.goredis.store;

/** How a store runs a transaction or a script as one atomic step (see {@link Store#isolation}). */
public enum Isolation {
    /**
     * The store is this node's alone (in-memory): a transaction runs directly on it while the node
     * lets no other command run (Redis's model); nothing can conflict.
     */
    SERIAL,
    /**
     * The store is shared by a fleet (DynamoDB-backed): a transaction runs on a
     * {@link io.goredis.store.txn.TxView} and {@link Store#commit} applies it all or nothing if no
     * key it touched changed meanwhile, else it runs again.
     */
    OPTIMISTIC
}
