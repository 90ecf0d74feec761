package io.goredis.command;

import io.goredis.protocol.Reply;
import io.goredis.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Context} for command unit tests: a real store, an injectable clock, a plain session, and
 * {@link #run} to execute a command spec from the standard table the way the session would (name,
 * arity, subcommand lookup are NOT checked here: those are the session's job and tested there).
 */
public final class TestContext implements Context {

    private final Store store;
    private Clock clock;
    private final Session session;
    private final Counters counters = new Counters();
    private final CommandTable table;
    private ServerView server;
    private final boolean inTransaction;
    private final ExecutionGate gate;

    public TestContext(Store store, Clock clock) {
        this(store, clock, CommandTable.standard());
    }

    public TestContext(Store store, Clock clock, CommandTable table) {
        this.store = store;
        this.clock = clock;
        this.table = table;
        this.inTransaction = false;
        this.gate = new ExecutionGate();
        this.session = new TestSession();
        Invoker invoker = new Invoker() {
            @Override
            public CommandSpec lookup(List<byte[]> argv) {
                return TestContext.this.lookup(argv);
            }

            @Override
            public Reply invoke(CommandSpec spec, List<byte[]> argv, Context ctx) {
                try {
                    return spec.handler().execute(new Args(argv, spec.name().indexOf('|') >= 0 ? 2 : 1), ctx);
                } catch (CommandException e) {
                    return Reply.error(e.getMessage());
                }
            }
        };
        this.server = new ServerView() {
            @Override
            public Invoker invoker() {
                return invoker;
            }

            @Override
            public ExecutionGate gate() {
                return gate;
            }

            @Override
            public boolean requiresPassword() {
                return false;
            }

            @Override
            public boolean checkPassword(byte[] candidate) {
                return false;
            }

            @Override
            public CommandTable commands() {
                return TestContext.this.table;
            }
        };
    }

    /** Runs {@code words} (command name first) through the table's handler. */
    public Reply run(String... words) {
        List<byte[]> argv = new ArrayList<>();
        for (String w : words) {
            argv.add(w.getBytes(StandardCharsets.UTF_8));
        }
        return run(argv);
    }

    /** A copy sharing everything but the store and session ({@link Context#forTransaction}, {@link #withSession}). */
    private TestContext(TestContext outer, Store store, Session session, boolean inTransaction) {
        this.store = store;
        this.clock = outer.clock;
        this.table = outer.table;
        this.server = outer.server;
        this.inTransaction = inTransaction;
        this.gate = outer.gate;
        this.session = session;
    }

    @Override
    public Context forTransaction(Store store) {
        return new TestContext(this, store, session, true);
    }

    @Override
    public Context withSession(Session session) {
        return new TestContext(this, store, session, inTransaction);
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    private CommandSpec lookup(List<byte[]> argv) {
        CommandSpec spec = table.get(Args.lower(argv.get(0)));
        if (spec != null && !spec.subcommands().isEmpty() && argv.size() > 1) {
            String sub = spec.name() + "|" + Args.lower(argv.get(1));
            for (CommandSpec s : spec.subcommands()) {
                if (s.name().equals(sub)) {
                    return s;
                }
            }
        }
        return spec;
    }

    /** Runs raw argv (command name first); a {@link CommandException} becomes an error reply. */
    public Reply run(List<byte[]> argv) {
        CommandSpec spec = lookup(argv);
        if (spec == null) {
            throw new IllegalArgumentException("unknown command in test: " + Args.lower(argv.get(0)));
        }
        int start = spec.name().indexOf('|') >= 0 ? 2 : 1;
        try {
            return spec.handler().execute(new Args(argv, start), this);
        } catch (CommandException e) {
            return Reply.error(e.getMessage());
        }
    }

    public void clock(Clock clock) {
        this.clock = clock;
    }

    public void server(ServerView server) {
        this.server = server;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public ServerView server() {
        return server;
    }

    /** Plain mutable session state. */
    public static final class TestSession implements Session {
        private int db;
        private int protocol = 2;
        private boolean authenticated = true;
        private String name;
        private boolean closeAfterReply;
        private final io.goredis.command.txn.TxState tx = new io.goredis.command.txn.TxState();
        public final Map<String, String> libInfo = new HashMap<>();

        @Override
        public io.goredis.command.txn.TxState tx() {
            return tx;
        }

        @Override
        public long id() {
            return 1;
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
            this.name = name;
        }

        @Override
        public void libInfo(String attribute, String value) {
            libInfo.put(attribute, value);
        }

        @Override
        public void closeAfterReply() {
            closeAfterReply = true;
        }

        public boolean closing() {
            return closeAfterReply;
        }
    }
}
