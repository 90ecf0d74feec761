package io.goredis.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One row of the command table, as in Redis's {@code commands/*.json}: lower-case name, arity
 * (negative means "at least -arity", the name included), flags, key positions for COMMAND INFO, the
 * Redis group (e.g. "string", "generic", "connection", "server") and the handler.
 *
 * <p>A container command (CLIENT, CONFIG, COMMAND) has {@code subcommands}; each subcommand's name
 * is {@code "container|sub"} and has its own arity and handler, checked the same generic way.
 */
public record CommandSpec(
        String name,
        int arity,
        Set<Flag> flags,
        int firstKey,
        int lastKey,
        int step,
        String group,
        Command handler,
        List<CommandSpec> subcommands) {

    public CommandSpec {
        name = name.toLowerCase(Locale.ROOT);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        subcommands = List.copyOf(subcommands);
        if (arity == 0) {
            throw new IllegalArgumentException("arity must not be 0 for " + name);
        }
    }

    /** A command without keys and without subcommands. */
    public static CommandSpec of(String name, int arity, String group, Set<Flag> flags, Command handler) {
        return new CommandSpec(name, arity, flags, 0, 0, 0, group, handler, List.of());
    }

    /** A command whose keys sit at {@code firstKey..lastKey} (negative lastKey counts from the end), every {@code step}. */
    public static CommandSpec keyed(String name, int arity, String group, Set<Flag> flags,
                                    int firstKey, int lastKey, int step, Command handler) {
        return new CommandSpec(name, arity, flags, firstKey, lastKey, step, group, handler, List.of());
    }

    /** A container command; {@code handler} serves the container's own HELP or unknown-subcommand reply. */
    public static CommandSpec container(String name, int arity, String group, Set<Flag> flags,
                                        Command handler, List<CommandSpec> subcommands) {
        return new CommandSpec(name, arity, flags, 0, 0, 0, group, handler, subcommands);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** True if {@code argc} (the name included) satisfies the arity. */
    public boolean arityAccepts(int argc) {
        return arity > 0 ? argc == arity : argc >= -arity;
    }
}
