package io.goredis.command.string;

import io.goredis.command.CommandException;

/** Redis's cap on a string's size (proto-max-bulk-len, 512 MB by default), for APPEND and SETRANGE. */
final class StringLimits {

    static final long MAX_STRING = 512L * 1024 * 1024;

    private StringLimits() {}

    /** Throws Redis's error if a string of {@code size + append} bytes would exceed the limit. */
    static void check(long size, long append) {
        long total = size + append;
        if (total > MAX_STRING || total < size || total < append) {
            throw new CommandException("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        }
    }
}
