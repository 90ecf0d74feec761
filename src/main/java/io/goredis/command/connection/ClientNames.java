package io.goredis.command.connection;

import io.goredis.command.CommandException;
import java.nio.charset.StandardCharsets;

/** Redis's rule for client names and CLIENT SETINFO values: printable ASCII without spaces. */
final class ClientNames {

    static final String BAD_NAME = "ERR Client names cannot contain spaces, newlines or special characters.";

    private ClientNames() {}

    static boolean valid(byte[] value) {
        for (byte b : value) {
            if (b < '!' || b > '~') {
                return false;
            }
        }
        return true;
    }

    /** The name to store (null clears it), or {@link #BAD_NAME}. */
    static String checkedName(byte[] value) {
        if (!valid(value)) {
            throw new CommandException(BAD_NAME);
        }
        return value.length == 0 ? null : new String(value, StandardCharsets.US_ASCII);
    }
}
