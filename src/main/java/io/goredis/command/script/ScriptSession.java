package io.goredis.command.script;

import io.goredis.command.Session;
import io.goredis.command.txn.TxState;

/**
 * The session the commands of a script run with (Redis's script "fake client"): the caller's
 * identity, but its own selected database (SELECT inside a script) and the RESP version the script
 * chose with {@code redis.setresp} (2 until then), which shapes the replies it gets.
 */
final class ScriptSession implements Session {

    private final Session caller;
    private final TxState tx = new TxState();
    private int db;
    private int protocol = 2;

    ScriptSession(Session caller) {
        this.caller = caller;
        this.db = caller.db();
    }

    @Override
    public long id() {
        return caller.id();
    }

    @Override
    public int db() {
        return db;
    }

    @Override
    public void select(int db) {
        this.db = db;
    }

    @Override
    public int protocol() {
        return protocol;
    }

    @Override
    public void protocol(int version) {
        this.protocol = version;
    }

    @Override
    public boolean authenticated() {
        return true;
    }

    @Override
    public void authenticated(boolean value) {
        // AUTH is not allowed from scripts
    }

    @Override
    public String name() {
        return caller.name();
    }

    @Override
    public void name(String name) {
        // CLIENT is not allowed from scripts
    }

    @Override
    public void libInfo(String attribute, String value) {
        // CLIENT is not allowed from scripts
    }

    @Override
    public TxState tx() {
        return tx;
    }

    @Override
    public void closeAfterReply() {
        // QUIT is not allowed from scripts
    }
}
