package io.goredis.command;

/**
 * A command-level error: the session answers {@code -<message>} and keeps the connection open.
 * {@code message} starts with the Redis error code, e.g. {@code "ERR syntax error"} or
 * {@code "WRONGTYPE Operation against a key holding the wrong kind of value"}.
 */
public class CommandException extends RuntimeException {

    public CommandException(String message) {
        super(message, null, false, false);
    }

    // Redis's standard texts (server.c shared.* objects), so every command says them identically.
    public static final String SYNTAX = "ERR syntax error";
    public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    public static final String NOT_FLOAT = "ERR value is not a valid float";
    public static final String OVERFLOW = "ERR increment or decrement would overflow";
    public static final String NO_SUCH_KEY = "ERR no such key";
    public static final String DB_INDEX = "ERR DB index is out of range";
    public static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    public static CommandException syntax() {
        return new CommandException(SYNTAX);
    }

    public static CommandException notInteger() {
        return new CommandException(NOT_INTEGER);
    }
}
