package io.goredis.command;

/**
 * The per-connection state a command may read or change. Implemented by the server's session
 * handler; commands see only this view.
 */
public interface Session {

    /** CLIENT ID: unique, increasing per server. */
    long id();

    /** The selected database. */
    int db();

    void select(int db);

    /** 2 or 3 (HELLO). */
    int protocol();

    void protocol(int version);

    boolean authenticated();

    void authenticated(boolean value);

    /** CLIENT SETNAME value, or null. */
    String name();

    void name(String name);

    /** CLIENT SETINFO lib-name / lib-ver. */
    void libInfo(String attribute, String value);

    /** This connection's MULTI / WATCH state. */
    io.goredis.command.txn.TxState tx();

    /** The reply being returned is the last: close the connection after writing it (QUIT). */
    void closeAfterReply();

    /** CLIENT REPLY modes. */
    enum ReplyMode { ON, OFF, SKIP }

    /**
     * CLIENT REPLY: ON sends replies again; OFF stops sending them (this command's included); SKIP
     * sends neither this command's reply nor the next one's.
     */
    default void replyMode(ReplyMode mode) {
        throw new UnsupportedOperationException("CLIENT REPLY is not supported by this session");
    }

    /** Set while this session waits in a blocking command (CLIENT LIST {@code flags=b}). */
    default void blocked(boolean value) {}

    /**
     * False once the client is known to have closed its connection: probed by a blocked command,
     * which otherwise would not see the close until it answers.
     */
    default boolean connected() {
        return true;
    }
}
