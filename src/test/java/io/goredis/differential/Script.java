package io.goredis.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A differential script: one command per line in Redis's inline quoting, {@code #} comments, and
 * a few {@code @directives} for what legitimately differs between two servers. A directive that
 * modifies a command applies to the next command line only.
 *
 * <pre>
 * SET k v EX 100          # a command, sent as a RESP multibulk; replies compared byte for byte
 * &#64;approx 1             # integer replies may differ by 1 (TTL read a moment apart)
 * &#64;type                 # compare the reply's RESP type only (TIME, CLIENT ID, COMMAND COUNT)
 * &#64;shape                # same types and lengths recursively, RESP3 map keys exact (HELLO)
 * &#64;unordered            # same elements in any order (KEYS: hash-table order differs)
 * &#64;scan                 # run SCAN's cursor loop to the end; compare the set of keys found
 * &#64;fields               # INFO / CLIENT LIST text: Redis's section and field names (see ReplyComparator)
 * &#64;command-info         # COMMAND INFO: name, arity, flags, key positions exact
 * &#64;repeat N             # the next command's last argument (or @raw's bytes) repeated N times
 * &#64;inline               # send the line as an inline command, not multibulk
 * &#64;raw N "bytes"        # send raw bytes (quoted, with escapes), read N replies
 * &#64;conn N               # switch to client connection N (opened on first use)
 * &#64;sleep MS             # let time pass on both (expiry); keep it short
 * &#64;skip-goredis reason  # send to redis-server only (set-up goredis can't take)
 * &#64;unknown              # a Redis command goredis deliberately lacks (ZADD, XADD...): sent to
 *                       # goredis only, which must answer Redis's unknown-command error
 * &#64;pending reason       # not compared yet; before the first command: the whole script
 * &#64;requirepass PW       # (before the first command) run on servers that require password PW
 * &#64;only-store S reason  # (before the first command) run only when goredis is on store S
 * </pre>
 */
public record Script(String name, String pendingReason, String requirePass, String onlyStore, List<Step> steps) {

    /** How two replies are compared. */
    public enum Mode { EXACT, APPROX, TYPE, SHAPE, UNORDERED, SCAN, FIELDS, COMMAND_INFO, UNKNOWN }

    /** One thing the runner does, on both servers. */
    public sealed interface Step {
        int line();
    }

    /** Send a command (multibulk, or inline) and compare the reply. */
    public record Command(int line, String source, List<byte[]> args, boolean inline, Mode mode,
                          long tolerance, boolean skipGoredis, String pending) implements Step {}

    /** Send raw bytes and compare the next {@code replies} replies. */
    public record Raw(int line, byte[] bytes, int replies, String pending) implements Step {}

    public record Sleep(int line, long millis) implements Step {}

    public record Conn(int line, int index) implements Step {}

    public static Script load(Path file) throws IOException {
        String name = file.getFileName().toString();
        return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Script parse(String name, String text) {
        List<Step> steps = new ArrayList<>();
        String scriptPending = null;
        String requirePass = null;
        String onlyStore = null;
        Mode mode = Mode.EXACT;
        long tolerance = 0;
        long repeat = 1;
        boolean inline = false;
        boolean skipGoredis = false;
        String pending = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("@")) {
                    List<String> words = words(line);
                    String d = words.get(0).toLowerCase(Locale.ROOT);
                    String rest = words.size() > 1 ? line.substring(line.indexOf(' ') + 1).strip() : "";
                    switch (d) {
                        case "@approx" -> {
                            mode = Mode.APPROX;
                            tolerance = words.size() > 1 ? Long.parseLong(words.get(1)) : 1;
                        }
                        case "@type" -> mode = Mode.TYPE;
                        case "@shape" -> mode = Mode.SHAPE;
                        case "@unordered" -> mode = Mode.UNORDERED;
                        case "@scan" -> mode = Mode.SCAN;
                        case "@fields" -> mode = Mode.FIELDS;
                        case "@command-info" -> mode = Mode.COMMAND_INFO;
                        case "@unknown" -> mode = Mode.UNKNOWN;
                        case "@repeat" -> repeat = Long.parseLong(words.get(1));
                        case "@inline" -> inline = true;
                        case "@skip-goredis" -> skipGoredis = requireReason(d, rest) != null;
                        case "@pending" -> {
                            if (steps.isEmpty() && scriptPending == null && pending == null) {
                                scriptPending = requireReason(d, rest);
                            } else {
                                pending = requireReason(d, rest);
                            }
                        }
                        case "@requirepass" -> {
                            if (!steps.isEmpty()) {
                                throw new IllegalArgumentException("@requirepass must come before the first command");
                            }
                            requirePass = requireReason(d, rest);
                        }
                        case "@only-store" -> {
                            if (!steps.isEmpty() || words.size() < 3) {
                                throw new IllegalArgumentException("@only-store STORE reason, before the first command");
                            }
                            onlyStore = words.get(1);
                        }
                        case "@sleep" -> steps.add(new Sleep(lineNo, Long.parseLong(words.get(1))));
                        case "@conn" -> steps.add(new Conn(lineNo, Integer.parseInt(words.get(1))));
                        case "@raw" -> {
                            List<byte[]> a = InlineSplitter.split(rest);
                            if (a.size() != 2) {
                                throw new IllegalArgumentException("@raw takes a reply count and one quoted string");
                            }
                            int replies = Integer.parseInt(new String(a.get(0), StandardCharsets.US_ASCII));
                            steps.add(new Raw(lineNo, repeat(a.get(1), repeat), replies, pending));
                            pending = null;
                            repeat = 1;
                        }
                        default -> throw new IllegalArgumentException("unknown directive " + d);
                    }
                    continue;
                }
                List<byte[]> args = new ArrayList<>(InlineSplitter.split(line));
                if (repeat != 1) {
                    args.set(args.size() - 1, repeat(args.get(args.size() - 1), repeat));
                }
                steps.add(new Command(lineNo, line, List.copyOf(args), inline, mode, tolerance,
                        skipGoredis, pending));
                mode = Mode.EXACT;
                tolerance = 0;
                repeat = 1;
                inline = false;
                skipGoredis = false;
                pending = null;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new Script(name, scriptPending, requirePass, onlyStore, List.copyOf(steps));
    }

    private static String requireReason(String directive, String reason) {
        if (reason.isEmpty()) {
            throw new IllegalArgumentException(directive + " needs a reason");
        }
        return reason;
    }

    private static List<String> words(String line) {
        return Arrays.asList(line.split("\\s+"));
    }

    private static byte[] repeat(byte[] unit, long times) {
        long total = unit.length * times;
        if (total > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("@repeat too large");
        }
        byte[] out = new byte[(int) total];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }
}
