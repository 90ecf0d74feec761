package io.goredis.command.script;

import io.goredis.command.CommandException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A script's or function's flags (Redis 7.0's {@code scripts_flags_def}): {@code no-writes},
 * {@code allow-oom}, {@code allow-stale}, {@code no-cluster}, {@code allow-cross-slot-keys}. An EVAL
 * script without a shebang line runs in compatibility mode ({@link #evalCompat()}): it may write,
 * and a {@code *_RO} command runs it read-only instead of refusing it.
 */
record ScriptFlags(boolean noWrites, boolean allowOom, boolean allowStale, boolean noCluster,
                   boolean allowCrossSlotKeys, boolean evalCompat) {

    static final ScriptFlags EVAL_COMPAT = new ScriptFlags(false, false, false, false, false, true);
    static final ScriptFlags NONE = new ScriptFlags(false, false, false, false, false, false);

    /** The names, in Redis's order (FUNCTION LIST prints them so). */
    static final List<String> NAMES = List.of("no-writes", "allow-oom", "allow-stale", "no-cluster",
            "allow-cross-slot-keys");

    /** These flags plus {@code name}, or null if {@code name} is not a flag. */
    ScriptFlags with(String name) {
        return switch (name) {
            case "no-writes" -> new ScriptFlags(true, allowOom, allowStale, noCluster, allowCrossSlotKeys, evalCompat);
            case "allow-oom" -> new ScriptFlags(noWrites, true, allowStale, noCluster, allowCrossSlotKeys, evalCompat);
            case "allow-stale" -> new ScriptFlags(noWrites, allowOom, true, noCluster, allowCrossSlotKeys, evalCompat);
            case "no-cluster" -> new ScriptFlags(noWrites, allowOom, allowStale, true, allowCrossSlotKeys, evalCompat);
            case "allow-cross-slot-keys" -> new ScriptFlags(noWrites, allowOom, allowStale, noCluster, true, evalCompat);
            default -> null;
        };
    }

    /** The flag names set, in Redis's order. */
    List<String> names() {
        boolean[] set = {noWrites, allowOom, allowStale, noCluster, allowCrossSlotKeys};
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < set.length; i++) {
            if (set[i]) {
                out.add(NAMES.get(i));
            }
        }
        return out;
    }

    /** A parsed EVAL body: its flags, and how many bytes the shebang line takes (0 when there is none). */
    record Shebang(ScriptFlags flags, int length) {}

    /**
     * Redis's {@code evalExtractShebangFlags}: a body starting with {@code #!} must have a newline,
     * name the {@code lua} engine and only {@code flags=a,b} options.
     */
    static Shebang parse(byte[] body) {
        if (body.length < 2 || body[0] != '#' || body[1] != '!') {
            return new Shebang(EVAL_COMPAT, 0);
        }
        int end = 0;
        while (end < body.length && body[end] != '\n') {
            end++;
        }
        if (end == body.length) {
            throw new CommandException("ERR Invalid script shebang");
        }
        String line = new String(body, 0, end, StandardCharsets.UTF_8);
        String[] parts = line.trim().split("[ \t\r]+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            throw new CommandException("ERR Invalid engine in script shebang");
        }
        if (!parts[0].equals("#!lua")) {
            throw new CommandException("ERR Unexpected engine in script shebang: " + parts[0]);
        }
        ScriptFlags flags = NONE;
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].startsWith("flags=")) {
                throw new CommandException("ERR Unknown lua shebang option: " + parts[i]);
            }
            String list = parts[i].substring(6);
            if (list.isEmpty()) {
                continue;
            }
            for (String f : list.split(",", -1)) {
                ScriptFlags next = flags.with(f);
                if (next == null) {
                    throw new CommandException("ERR Unexpected flag in script shebang: " + f);
                }
                flags = next;
            }
        }
        return new Shebang(flags, end);
    }

    /** FUNCTION's flag names are case-insensitive. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
