package io.goredis.store.cache;

import io.goredis.store.Entry;
import java.util.Optional;

/**
 * What the cache holds for one key: a value ({@code entry}) or a known absence ({@code entry ==
 * null}), and the state's {@link ChangeEvent#rank() rank}. {@link #UNKNOWN} rank marks an absence
 * read from the table, which carries no version: such a slot is dropped by any event for its key
 * rather than compared, because we cannot tell whether the event is older or newer.
 */
record Slot(Entry entry, long rank) {

    static final long UNKNOWN = -1;

    /** Fixed per-slot cost counted by the weigher on top of key and value bytes. */
    static final int OVERHEAD_BYTES = 96;

    static long rank(boolean present, long version) {
        return present ? 2 * version : 2 * version + 1;
    }

    static Slot of(Entry entry) {
        return new Slot(entry, rank(true, entry.version()));
    }

    static Slot of(ChangeEvent event) {
        return new Slot(event.entry().orElse(null), event.rank());
    }

    /** Absent after {@code version}. */
    static Slot absentAfter(long version) {
        return new Slot(null, rank(false, version));
    }

    /** Absent, version unknown (a miss read from the table). */
    static Slot absentUnknown() {
        return new Slot(null, UNKNOWN);
    }

    boolean known() {
        return rank != UNKNOWN;
    }

    /** What a read sees at {@code nowMillis}: the entry unless absent or expired. */
    Optional<Entry> visibleAt(long nowMillis) {
        return entry == null || entry.isExpiredAt(nowMillis) ? Optional.empty() : Optional.of(entry);
    }

    int weight(CacheKey key) {
        long w = (long) OVERHEAD_BYTES + key.key().length + (entry == null ? 0 : entry.value().weight());
        return (int) Math.min(Integer.MAX_VALUE, w);
    }
}
