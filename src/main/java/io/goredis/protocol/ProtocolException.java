package io.goredis.protocol;

/**
 * A framing error in the request stream. The session answers {@code -ERR Protocol error: <message>}
 * and closes the connection, as Redis does.
 */
public class ProtocolException extends Exception {

    public ProtocolException(String message) {
        super(message);
    }
}
