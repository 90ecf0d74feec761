package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.CommandException;
import io.goredis.command.Context;

/** Database-index parsing shared by MOVE, COPY and SWAPDB, as Redis's {@code getIntFromObjectOrReply}. */
final class Databases {

    private Databases() {}

    /** A 32-bit integer, or {@code error} (Redis answers one text for both junk and out-of-int-range). */
    static int parseInt(byte[] arg, String error) {
        Long v = Args.tryParseLong(arg);
        if (v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new CommandException(error);
        }
        return v.intValue();
    }

    /** Redis's text for an integer outside 32 bits when the caller gives no message of its own. */
    static final String INT_RANGE = "ERR value is out of range, value must between -2147483648 and 2147483647";

    /** A target database index: an integer, then within range ({@code ERR DB index is out of range}). */
    static int parseTarget(byte[] arg, Context ctx) {
        long v = Args.parseLong(arg);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new CommandException(INT_RANGE);
        }
        int db = (int) v;
        if (db < 0 || db >= ctx.store().databases()) {
            throw new CommandException(CommandException.DB_INDEX);
        }
        return db;
    }
}
