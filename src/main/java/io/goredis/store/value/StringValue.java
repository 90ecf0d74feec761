package io.goredis.store.value;

import java.util.Arrays;

/**
 * A string value: immutable bytes, and what Redis's encoding of it would be where that does not
 * follow from the bytes alone: a string built in place by APPEND, SETRANGE or SETBIT stays "raw"
 * whatever its length; INCRBYFLOAT's result is never "int"; a COPY of a small integer is not the
 * shared object (OBJECT REFCOUNT 1).
 */
public final class StringValue implements Value {

    /** Redis keeps strings up to this length in one allocation ("embstr"). */
    static final int EMBSTR_MAX = 44;
    private static final long OVERHEAD = 32;

    private enum Form { AUTO, RAW, EMBSTR }

    /** Redis's OBJ_SHARED_INTEGERS: it keeps one shared object for each of 0..9999. */
    private static final long SHARED_INTEGERS = 10000;

    private final byte[] bytes;
    private final Form form;
    private final boolean unshared;

    private StringValue(byte[] bytes, Form form, boolean unshared) {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
        this.bytes = bytes;
        this.form = form;
        this.unshared = unshared;
    }

    /** A string holding {@code bytes} (not copied: the caller hands them over). */
    public static StringValue of(byte[] bytes) {
        return new StringValue(bytes, Form.AUTO, false);
    }

    /** A string built in place (APPEND, SETRANGE, SETBIT): OBJECT ENCODING answers "raw". */
    public static StringValue raw(byte[] bytes) {
        return new StringValue(bytes, Form.RAW, false);
    }

    /** A string Redis creates as a plain string even when it reads as an integer (INCRBYFLOAT). */
    public static StringValue embstr(byte[] bytes) {
        return new StringValue(bytes, Form.EMBSTR, false);
    }

    /**
     * The encoding hint as a number (stored by DynamoDB): 0 when everything follows from the bytes,
     * else 1 raw / 2 forced embstr, plus 4 when not Redis's shared integer.
     */
    public int formCode() {
        return form.ordinal() | (unshared ? 4 : 0);
    }

    /** The string of {@code bytes} with the {@link #formCode} {@code code}. */
    public static StringValue of(byte[] bytes, int code) {
        int f = code & 3;
        return new StringValue(bytes, f < Form.values().length ? Form.values()[f] : Form.AUTO, (code & 4) != 0);
    }

    /** The same string as a new object (COPY): never Redis's shared integer. */
    public StringValue unshared() {
        return new StringValue(bytes, form, true);
    }

    /** Whether Redis would hold this value as one of its shared integers (OBJECT REFCOUNT). */
    public boolean isSharedInteger() {
        if (unshared || !encoding().equals("int")) {
            return false;
        }
        long n = Longs.parse(bytes);
        return n >= 0 && n < SHARED_INTEGERS;
    }

    /** The bytes; callers must not modify them. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public Type type() {
        return Type.STRING;
    }

    @Override
    public long weight() {
        return OVERHEAD + bytes.length;
    }

    @Override
    public StringValue copy() {
        return this;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public String encoding() {
        if (form == Form.AUTO && bytes.length <= 20 && Longs.parse(bytes) != null) {
            return "int";
        }
        return form == Form.RAW || bytes.length > EMBSTR_MAX ? "raw" : "embstr";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringValue s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "StringValue[" + bytes.length + " bytes]";
    }
}
