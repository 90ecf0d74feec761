package io.goredis.command;

import io.goredis.command.connection.ConnectionCommands;
import io.goredis.command.keys.KeyspaceCommands;
import io.goredis.command.script.Libraries;
import io.goredis.command.script.lib.MathRandom;
import io.goredis.command.script.Scripting;
import io.goredis.command.script.ScriptingCommands;
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
public final class CommandTable implements AutoCloseable {

    private final Map<String, CommandSpec> byName;
    private final List<AutoCloseable> resources;

    public CommandTable(List<CommandSpec> specs) {
        this(specs, List.of());
    }

    /** @param resources what the commands hold (the scripting engine), closed with the table */
    public CommandTable(List<CommandSpec> specs, List<AutoCloseable> resources) {
        this.resources = List.copyOf(resources);
        Map<String, CommandSpec> m = new LinkedHashMap<>();
        for (CommandSpec s : specs) {
            if (m.put(s.name(), s) != null) {
                throw new IllegalArgumentException("duplicate command " + s.name());
            }
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    /**
     * The standard table: every group's commands, with a scripting engine of its own (closed by
     * {@link #close()}).
     */
    public static CommandTable standard() {
        MathRandom.Rand48 random = new MathRandom.Rand48();
        Scripting scripting = new Scripting(() -> Libraries.all(random));
        List<CommandSpec> all = new ArrayList<>();
        all.addAll(ConnectionCommands.all());
        all.addAll(ServerCommands.all());
        all.addAll(StringCommands.all());
        all.addAll(io.goredis.command.bitmap.BitmapCommands.all());
        all.addAll(io.goredis.command.hash.HashCommands.all());
        all.addAll(io.goredis.command.set.SetCommands.all());
        all.addAll(io.goredis.command.list.ListCommands.all());
        all.addAll(io.goredis.command.zset.ZSetCommands.all());
        all.addAll(KeyspaceCommands.all());
        all.addAll(TransactionCommands.all());
        all.addAll(ScriptingCommands.all(scripting));
        return new CommandTable(all, List.of(scripting));
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

    /** Releases what the commands hold (Lua states). */
    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + r, e);
            }
        }
    }
}
