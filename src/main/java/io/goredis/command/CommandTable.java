package io.goredis.command;

import io.goredis.command.connection.ConnectionCommands;
import io.goredis.command.keys.KeyspaceCommands;
import io.goredis.command.server.ServerCommands;
import io.goredis.command.string.StringCommands;
import io.goredis.command.txn.TransactionCommands;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every command goredis knows, by lower-case name, as Redis's command table. Built from each
 * group's explicit list; no reflection, no registration side effects.
 */
public final class CommandTable {

    private final Map<String, CommandSpec> byName;

    public CommandTable(List<CommandSpec> specs) {
        Map<String, CommandSpec> m = new LinkedHashMap<>();
        for (CommandSpec s : specs) {
            if (m.put(s.name(), s) != null) {
                throw new IllegalArgumentException("duplicate command " + s.name());
            }
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    /** The standard table: every group's commands. */
    public static CommandTable standard() {
        List<CommandSpec> all = new ArrayList<>();
        all.addAll(ConnectionCommands.all());
        all.addAll(ServerCommands.all());
        all.addAll(StringCommands.all());
        all.addAll(KeyspaceCommands.all());
        all.addAll(TransactionCommands.all());
        return new CommandTable(all);
    }

    /** The spec for a lower-case name, or null. */
    public CommandSpec get(String lowerName) {
        return byName.get(lowerName);
    }

    public Collection<CommandSpec> all() {
        return byName.values();
    }

    public int size() {
        return byName.size();
    }
}
