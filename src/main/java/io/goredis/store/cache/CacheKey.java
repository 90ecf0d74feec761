package io.goredis.store.cache;

import java.util.Arrays;

/** A (database, key) pair as the cache's map key; the hash is computed once. */
record CacheKey(int db, byte[] key, int hash) {

    /** The cache keys of {@code refs}, in order. */
    static java.util.List<CacheKey> of(java.util.List<io.goredis.store.KeyRef> refs) {
        java.util.List<CacheKey> out = new java.util.ArrayList<>(refs.size());
        for (io.goredis.store.KeyRef ref : refs) {
            out.add(of(ref.db(), ref.key()));
        }
        return out;
    }

    static CacheKey of(int db, byte[] key) {
        return new CacheKey(db, key, 31 * db + Arrays.hashCode(key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey k && hash == k.hash && db == k.db && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "CacheKey[db=" + db + ", " + key.length + " bytes]";
    }
}
