package io.goredis.server;

import io.goredis.command.ClientInfo;
import io.goredis.command.Session;
import io.goredis.command.txn.TxState;

/**
 * One connection's state: what {@link Session} exposes to commands plus what CLIENT LIST shows.
 * Written by the connection's own thread; read by CLIENT LIST from others, hence the volatiles.
 */
final class ClientSession implements Session {

    private final long id;
    private final String addr;
    private final String laddr;
    private final long createdMillis;
    private final Runnable disconnect;
    private final Runnable stopReading;
    private volatile int db;
    private volatile int protocol = 2;
    private volatile boolean authenticated;
    private volatile String name;
    private volatile String libName;
    private volatile String libVer;
    private volatile String lastCommand = "NULL";
    private volatile long lastInteractionMillis;
    private volatile boolean closeAfterReply;
    private volatile boolean killed;
    private volatile boolean blocked;
    /** Probes whether the client is still connected (see {@link Session#connected()}). */
    private volatile java.util.function.BooleanSupplier probe = () -> true;
    // CLIENT REPLY state; touched only by the connection's own thread
    private boolean repliesOff;
    private boolean skipNext;
    private boolean skipCurrent;
    private final TxState tx = new TxState();

    /**
     * @param disconnect closes the connection from another thread (CLIENT KILL)
     * @param stopReading ends the input so the session stops after its command in flight (shutdown)
     */
    ClientSession(long id, String addr, String laddr, long nowMillis, boolean authenticated, Runnable disconnect,
                  Runnable stopReading) {
        this.id = id;
        this.addr = addr;
        this.laddr = laddr;
        this.createdMillis = nowMillis;
        this.lastInteractionMillis = nowMillis;
        this.authenticated = authenticated;
        this.disconnect = disconnect;
        this.stopReading = stopReading;
    }

    @Override
    public long id() {
        return id;
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
        return authenticated;
    }

    @Override
    public void authenticated(boolean value) {
        this.authenticated = value;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void name(String name) {
        this.name = name == null || name.isEmpty() ? null : name;
    }

    @Override
    public void libInfo(String attribute, String value) {
        if (attribute.equalsIgnoreCase("lib-name")) {
            libName = value;
        } else if (attribute.equalsIgnoreCase("lib-ver")) {
            libVer = value;
        }
    }

    @Override
    public TxState tx() {
        return tx;
    }

    @Override
    public void closeAfterReply() {
        closeAfterReply = true;
    }

    @Override
    public void replyMode(ReplyMode mode) {
        switch (mode) {
            case ON -> {
                repliesOff = false;
                skipNext = false;
            }
            case OFF -> repliesOff = true;
            case SKIP -> {
                skipNext = !repliesOff;
                skipCurrent = true;
            }
        }
    }

    @Override
    public void blocked(boolean value) {
        blocked = value;
    }

    @Override
    public boolean connected() {
        return probe.getAsBoolean();
    }

    /** Set once by the server when the session's input exists. */
    void probe(java.util.function.BooleanSupplier probe) {
        this.probe = probe;
    }

    /** Called before each command: a SKIP from the previous command silences this one. */
    void beginReply() {
        skipCurrent = skipNext;
        skipNext = false;
    }

    /** Whether the reply to the command just run is to be sent. */
    boolean sendsReply() {
        return !repliesOff && !skipCurrent;
    }

    boolean closing() {
        return closeAfterReply;
    }

    String addr() {
        return addr;
    }

    /** Called by the dispatcher before each command runs. */
    void commandStarted(String fullName, long nowMillis) {
        lastCommand = fullName;
        lastInteractionMillis = nowMillis;
    }

    /** Closes the connection from another thread; the session's loop then ends. */
    void disconnect() {
        killed = true;
        disconnect.run();
    }

    /** True once CLIENT KILL closed this connection (it may still be winding down). */
    boolean killed() {
        return killed;
    }

    /** Ends the input from another thread: the command in flight completes and is answered. */
    void stopReading() {
        stopReading.run();
    }

    ClientInfo info(long nowMillis) {
        return new ClientInfo(id, addr, laddr, name, (nowMillis - createdMillis) / 1000,
                (nowMillis - lastInteractionMillis) / 1000, db, protocol, lastCommand, libName, libVer,
                tx.queued(), blocked);
    }
}
