package io.goredis.store;

import java.util.Arrays;

/** A key in one numbered database, for multi-key operations that may span databases (MOVE, COPY). */
public record KeyRef(int db, byte[] key) {

    public KeyRef {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRef k && db == k.db && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return 31 * db + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "KeyRef[db=" + db + ", " + key.length + " bytes]";
    }
}
