package io.goredis.store.value;

/**
 * The Redis type of a value, with the name TYPE answers and the code the DynamoDB layout stores
 * (absent means a string, so items written before typed values read back unchanged).
 */
public enum Type {
    STRING("string", 0),
    HASH("hash", 1),
    SET("set", 2),
    LIST("list", 3),
    ZSET("zset", 4);

    private final String redisName;
    private final int code;

    Type(String redisName, int code) {
        this.redisName = redisName;
        this.code = code;
    }

    /** What TYPE answers and SCAN ... TYPE matches. */
    public String redisName() {
        return redisName;
    }

    /** The stored type code. */
    public int code() {
        return code;
    }

    /** The type with this code; IllegalArgumentException for an unknown one. */
    public static Type ofCode(int code) {
        for (Type t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown value type code " + code);
    }
}
