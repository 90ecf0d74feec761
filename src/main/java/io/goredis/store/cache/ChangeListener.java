package io.goredis.store.cache;

/**
 * What a {@link ChangeSource} reports to (the {@link CachingStore}'s cache). All calls come from the
 * source's own thread, in order; events for one key arrive in the order they were committed.
 */
public interface ChangeListener {

    /** A committed change; may be older than what the listener already holds. */
    void onChange(ChangeEvent event);

    /**
     * From now on every change committed after this call is delivered. Until the first call (and
     * again after {@link #onContinuityLost}) the listener must not cache anything it cannot vouch for.
     */
    void onContinuous();

    /**
     * Changes may have been missed (trimmed records, stream disabled, a gap, a follower failure). The
     * listener drops what it cannot vouch for and caches nothing until the next {@link #onContinuous}.
     */
    void onContinuityLost(String reason);
}
