package io.goredis.store;

import java.util.List;

/**
 * One page of a keyspace scan: live keys and the cursor to continue from ({@code 0} when done).
 * Keys may repeat across pages; a key present for the whole scan appears at least once.
 */
public record ScanPage(long nextCursor, List<byte[]> keys) {
    public ScanPage {
        if (nextCursor < 0) {
            throw new IllegalArgumentException("cursor must be >= 0");
        }
        keys = List.copyOf(keys);
    }
}
