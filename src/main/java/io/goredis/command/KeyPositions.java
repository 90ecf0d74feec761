package io.goredis.command;

import io.goredis.store.KeyRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a request names, from its command's key positions (first, last, step: COMMAND INFO's),
 * as Redis's {@code getKeysFromCommand} reads the legacy key spec. Commands whose keys move with
 * their arguments (EVAL's numkeys) name none here. Used to read a transaction's keys up front.
 */
public final class KeyPositions {

    private KeyPositions() {}

    /** The keys of {@code argv} (name first) for {@code spec}, in database {@code db}. */
    public static List<KeyRef> of(CommandSpec spec, List<byte[]> argv, int db) {
        if (spec == null || spec.firstKey() <= 0 || spec.has(Flag.MOVABLEKEYS)) {
            return List.of();
        }
        int last = spec.lastKey() < 0 ? argv.size() + spec.lastKey() : spec.lastKey();
        int step = Math.max(1, spec.step());
        List<KeyRef> out = new ArrayList<>();
        for (int i = spec.firstKey(); i <= last && i < argv.size(); i += step) {
            out.add(new KeyRef(db, argv.get(i)));
        }
        return out;
    }

    /**
     * The keys of EXEC's queued commands, up to the first command that changes the database
     * (SELECT) or names no keys the table can tell (after it, keys are read as they come).
     */
    public static List<KeyRef> ofQueue(Invoker invoker, List<List<byte[]>> queue, int db) {
        List<KeyRef> out = new ArrayList<>();
        for (List<byte[]> argv : queue) {
            CommandSpec spec = invoker.lookup(argv);
            if (spec == null || spec.name().equals("select") || spec.name().equals("swapdb")
                    || spec.name().equals("move") || spec.name().equals("copy")) {
                break;
            }
            if (!blindWrite(spec.name(), argv)) {
                out.addAll(of(spec, argv, db));
            }
        }
        return out;
    }

    /** Writes that read nothing (reading their keys first would only add cost and conflicts). */
    private static boolean blindWrite(String name, List<byte[]> argv) {
        return switch (name) {
            case "mset", "setex", "psetex" -> true;
            case "set" -> {
                for (int i = 3; i < argv.size(); i++) {
                    byte[] a = argv.get(i);
                    if (Args.equalsIgnoreCase(a, "NX") || Args.equalsIgnoreCase(a, "XX")
                            || Args.equalsIgnoreCase(a, "GET") || Args.equalsIgnoreCase(a, "KEEPTTL")) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> false;
        };
    }
}
