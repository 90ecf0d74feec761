package io.goredis.command;

/**
 * What server and connection commands (INFO, CONFIG, CLIENT, COMMAND, AUTH, HELLO) need from the
 * running server. Implemented by the server package; the command layer never depends on it directly.
 * The foundation work extends this interface as those commands need more.
 */
public interface ServerView {

    /** True if a password is configured (REDIS_PASSWORD). */
    boolean requiresPassword();

    /** Constant-time comparison with the configured password. */
    boolean checkPassword(byte[] candidate);

    /** The command table, for COMMAND and for validating names. */
    CommandTable commands();
}
