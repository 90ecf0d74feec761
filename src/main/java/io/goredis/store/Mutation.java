package io.goredis.store;

import io.goredis.store.value.StringValue;
import io.goredis.store.value.Value;

/**
 * What an atomic update decides to do with one key: keep it as it is, delete it, or put a new
 * value with an absolute expiry ({@link Entry#NO_EXPIRY} for none). The store assigns the version.
 */
public sealed interface Mutation {

    /** Leave the key untouched (no write happens, the version does not change). */
    record Keep() implements Mutation {}

    /** Delete the key if it exists. */
    record Delete() implements Mutation {}

    /**
     * Write {@code value} with {@code expireAtMillis}; the store assigns a new, higher version. The
     * value is handed over: nobody may change it afterwards except a later updater of the key.
     */
    record Put(Value value, long expireAtMillis) implements Mutation {
        public Put {
            if (value == null) {
                throw new IllegalArgumentException("value must not be null");
            }
            if (expireAtMillis < 0) {
                throw new IllegalArgumentException("expireAtMillis must be >= 0");
            }
        }
    }

    Keep KEEP = new Keep();
    Delete DELETE = new Delete();

    /** Put a string holding a copy of {@code bytes}. */
    static Put put(byte[] bytes, long expireAtMillis) {
        return new Put(StringValue.of(bytes.clone()), expireAtMillis);
    }

    static Put put(Value value, long expireAtMillis) {
        return new Put(value, expireAtMillis);
    }
}
