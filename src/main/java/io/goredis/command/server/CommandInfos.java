package io.goredis.command.server;

import io.goredis.command.CommandSpec;
import io.goredis.command.CommandTable;
import io.goredis.command.Flag;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders command-table rows the way COMMAND INFO and COMMAND DOCS do in Redis 7. */
final class CommandInfos {

    private CommandInfos() {}

    /** A spec by full name ("get", "client|list"), or null. */
    static CommandSpec find(CommandTable table, String fullName) {
        String name = fullName.toLowerCase(Locale.ROOT);
        int bar = name.indexOf('|');
        CommandSpec base = table.get(bar < 0 ? name : name.substring(0, bar));
        if (base == null || bar < 0) {
            return base;
        }
        for (CommandSpec sub : base.subcommands()) {
            if (sub.name().equals(name)) {
                return sub;
            }
        }
        return null;
    }

    /** [name, arity, flags, first key, last key, step, ACL categories, tips, key specs, subcommands]. */
    static Reply info(CommandSpec spec) {
        List<Reply> flags = new ArrayList<>();
        for (Flag f : Flag.values()) {
            if (spec.has(f)) {
                flags.add(new Reply.SimpleString(f.redisName()));
            }
        }
        List<Reply> subs = new ArrayList<>();
        for (CommandSpec sub : spec.subcommands()) {
            subs.add(info(sub));
        }
        List<Reply> categories = new ArrayList<>();
        for (String c : categories(spec)) {
            categories.add(new Reply.SimpleString(c));
        }
        return Reply.array(
                Reply.bulk(spec.name()),
                Reply.integer(spec.arity()),
                new Reply.SetReply(flags),
                Reply.integer(spec.firstKey()),
                Reply.integer(spec.lastKey()),
                Reply.integer(spec.step()),
                new Reply.SetReply(categories),
                new Reply.SetReply(List.of()),
                new Reply.SetReply(List.of()),
                new Reply.ArrayReply(subs));
    }

    /** ACL categories as Redis derives them from flags and group. */
    static List<String> categories(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        if (spec.has(Flag.WRITE)) {
            out.add("@write");
        }
        if (spec.has(Flag.READONLY)) {
            out.add("@read");
        }
        if (spec.has(Flag.ADMIN)) {
            out.add("@admin");
        }
        out.add(spec.has(Flag.FAST) ? "@fast" : "@slow");
        if (spec.has(Flag.ADMIN)) {
            out.add("@dangerous");
        }
        String group = spec.group();
        if (group != null) {
            switch (group) {
                case "generic" -> out.add("@keyspace");
                case "string", "connection", "transactions", "scripting", "bitmap", "hash", "set", "list" ->
                        out.add("@" + (group.equals("transactions") ? "transaction" : group));
                case "sorted_set" -> out.add("@sortedset");
                default -> { }
            }
        }
        return out;
    }

    /** COMMAND DOCS entry: summary, since, group, and subcommands for containers. */
    static Reply docs(CommandSpec spec) {
        List<Reply> keys = new ArrayList<>(List.of(Reply.bulk("summary"), Reply.bulk("since"), Reply.bulk("group")));
        List<Reply> values = new ArrayList<>(List.of(
                Reply.bulk(spec.name().toUpperCase(Locale.ROOT).replace('|', ' ') + " (goredis)"),
                Reply.bulk("1.0.0"),
                Reply.bulk(spec.group() == null ? "server" : spec.group())));
        if (!spec.subcommands().isEmpty()) {
            List<Reply> subNames = new ArrayList<>();
            List<Reply> subDocs = new ArrayList<>();
            for (CommandSpec sub : spec.subcommands()) {
                subNames.add(Reply.bulk(sub.name()));
                subDocs.add(docs(sub));
            }
            keys.add(Reply.bulk("subcommands"));
            values.add(new Reply.MapReply(subNames, subDocs));
        }
        return new Reply.MapReply(keys, values);
    }
}
