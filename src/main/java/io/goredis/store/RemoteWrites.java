package io.goredis.store;

import java.util.function.Consumer;

/**
 * A store that sees writes made through other nodes (a caching node following the table's change
 * stream). The command layer registers a listener so that clients blocked on a key (BLPOP) wake
 * when another node pushes to it. Calls come from the store's own thread, after the change is
 * applied locally; the listener must be quick and must not call back into the store.
 */
public interface RemoteWrites {

    /** Sets the listener told each key a change was seen for (this node's own writes included). */
    void onRemoteWrite(Consumer<KeyRef> listener);
}
