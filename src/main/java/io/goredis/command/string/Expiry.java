package io.goredis.command.string;

import io.goredis.command.Args;
import io.goredis.command.CommandException;

/**
 * Turns an expiry argument of SET, SETEX, PSETEX or GETEX into absolute milliseconds, with Redis's
 * checks and texts ({@code getExpireMillisecondsOrReply} in t_string.c): not an integer, not
 * positive, or overflowing once converted to milliseconds or made absolute are all
 * {@code ERR invalid expire time in '<command>' command}.
 */
final class Expiry {

    private Expiry() {}

    /**
     * @param seconds  true for EX / EXAT / SETEX, false for PX / PXAT / PSETEX
     * @param relative true for EX / PX / SETEX / PSETEX (added to {@code nowMillis})
     */
    static long absoluteMillis(byte[] arg, boolean seconds, boolean relative, long nowMillis, String command) {
        long ms = Args.parseLong(arg);
        if (ms <= 0 || (seconds && ms > Long.MAX_VALUE / 1000)) {
            throw invalid(command);
        }
        if (seconds) {
            ms *= 1000;
        }
        if (relative) {
            // Redis adds and then looks for a wrapped (non-positive) sum: same outcome, no overflow.
            if (ms > Long.MAX_VALUE - nowMillis) {
                throw invalid(command);
            }
            ms += nowMillis;
        }
        return ms;
    }

    static CommandException invalid(String command) {
        return new CommandException("ERR invalid expire time in '" + command + "' command");
    }
}
