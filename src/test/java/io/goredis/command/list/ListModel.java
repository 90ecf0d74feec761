package io.goredis.command.list;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Redis 7.0's list commands over {@link java.util.ArrayList}s, written as plainly as the docs state
 * them: what {@link ListCommandsTest} compares goredis with over random command sequences. Replies
 * are rendered as {@link ListCommandsTest#show} renders them.
 */
final class ListModel {

    static final List<String> KEYS = List.of("a", "b", "c");
    private static final String[] ELEMENTS = {"x", "y", "z", "1", ""};

    private final Map<String, List<String>> lists = new HashMap<>();
    private final Random random;

    ListModel(Random random) {
        this.random = random;
    }

    /** The whole list at {@code key} as LRANGE 0 -1 answers it. */
    String range(String key) {
        return ListCommandsTest.show(lists.getOrDefault(key, List.of()));
    }

    // --- generating -----------------------------------------------------------------------------

    String[] randomCommand() {
        String k = key();
        int total = lists.values().stream().mapToInt(List::size).sum();
        int pick = random.nextInt(total > 60 ? 24 : 30);
        if (pick >= 24) { // short lists: push more often
            pick = random.nextInt(4);
        }
        return switch (pick) {
            case 0 -> args("LPUSH", k, elem(), elem());
            case 1 -> args("RPUSH", k, elem());
            case 2 -> args("LPUSHX", k, elem());
            case 3 -> args("RPUSHX", k, elem(), elem(), elem());
            case 4 -> args("LPOP", k);
            case 5 -> args("RPOP", k);
            case 6 -> args(random.nextBoolean() ? "LPOP" : "RPOP", k, Integer.toString(random.nextInt(5)));
            case 7 -> args("LLEN", k);
            case 8 -> args("LINDEX", k, index());
            case 9 -> args("LSET", k, index(), elem());
            case 10, 11 -> args("LRANGE", k, index(), index());
            case 12 -> args("LTRIM", k, index(), index());
            case 13 -> args("LREM", k, Integer.toString(random.nextInt(7) - 3), elem());
            case 14 -> args("LINSERT", k, random.nextBoolean() ? "BEFORE" : "AFTER", elem(), elem());
            case 15, 16 -> lpos(k);
            case 17, 18 -> args("LMOVE", k, key(), end(), end());
            case 19 -> args("RPOPLPUSH", k, key());
            case 20, 21 -> lmpop();
            default -> args("LRANGE", k, "0", "-1");
        };
    }

    private String[] lpos(String k) {
        List<String> out = new ArrayList<>(List.of("LPOS", k, elem()));
        if (random.nextBoolean()) {
            int rank = random.nextInt(7) - 3;
            out.addAll(List.of("RANK", Integer.toString(rank == 0 ? 1 : rank)));
        }
        if (random.nextBoolean()) {
            out.addAll(List.of("COUNT", Integer.toString(random.nextInt(4))));
        }
        if (random.nextInt(3) == 0) {
            out.addAll(List.of("MAXLEN", Integer.toString(random.nextInt(8))));
        }
        return out.toArray(String[]::new);
    }

    private String[] lmpop() {
        int n = 1 + random.nextInt(3);
        List<String> out = new ArrayList<>(List.of("LMPOP", Integer.toString(n)));
        for (int i = 0; i < n; i++) {
            out.add(key());
        }
        out.add(end());
        if (random.nextBoolean()) {
            out.addAll(List.of("COUNT", Integer.toString(1 + random.nextInt(4))));
        }
        return out.toArray(String[]::new);
    }

    private String key() {
        return KEYS.get(random.nextInt(KEYS.size()));
    }

    private String elem() {
        return ELEMENTS[random.nextInt(ELEMENTS.length)];
    }

    private String index() {
        return Integer.toString(random.nextInt(17) - 8);
    }

    private String end() {
        return random.nextBoolean() ? "LEFT" : "RIGHT";
    }

    private static String[] args(String... words) {
        return words;
    }

    // --- applying -------------------------------------------------------------------------------

    /** Applies {@code cmd} to the model and answers what Redis would. */
    String apply(String[] cmd) {
        String k = cmd[1];
        List<String> l = lists.get(k);
        String reply = switch (cmd[0]) {
            case "LPUSH", "RPUSH", "LPUSHX", "RPUSHX" -> push(cmd, l);
            case "LPOP", "RPOP" -> pop(cmd, l);
            case "LLEN" -> ":" + (l == null ? 0 : l.size());
            case "LINDEX" -> {
                int i = l == null ? -1 : index(Long.parseLong(cmd[2]), l.size());
                yield i < 0 ? "$-1" : "$" + l.get(i);
            }
            case "LSET" -> {
                if (l == null) {
                    yield "-ERR no such key";
                }
                int i = index(Long.parseLong(cmd[2]), l.size());
                if (i < 0) {
                    yield "-ERR index out of range";
                }
                l.set(i, cmd[3]);
                yield "+OK";
            }
            case "LRANGE" -> {
                int[] span = l == null ? null : span(Long.parseLong(cmd[2]), Long.parseLong(cmd[3]), l.size());
                yield ListCommandsTest.show(span == null ? List.of() : l.subList(span[0], span[1] + 1));
            }
            case "LTRIM" -> {
                if (l != null) {
                    int[] span = span(Long.parseLong(cmd[2]), Long.parseLong(cmd[3]), l.size());
                    lists.put(k, span == null ? new ArrayList<>() : new ArrayList<>(l.subList(span[0], span[1] + 1)));
                }
                yield "+OK";
            }
            case "LREM" -> lrem(l, Long.parseLong(cmd[2]), cmd[3]);
            case "LINSERT" -> {
                if (l == null) {
                    yield ":0";
                }
                int at = l.indexOf(cmd[3]);
                if (at < 0) {
                    yield ":-1";
                }
                l.add(cmd[2].equals("AFTER") ? at + 1 : at, cmd[4]);
                yield ":" + l.size();
            }
            case "LPOS" -> lpos(cmd, l);
            case "LMOVE", "RPOPLPUSH" -> lmove(cmd);
            case "LMPOP" -> lmpop(cmd);
            default -> throw new IllegalArgumentException(cmd[0]);
        };
        lists.values().removeIf(List::isEmpty);
        return reply;
    }

    private String push(String[] cmd, List<String> l) {
        if (l == null) {
            if (cmd[0].endsWith("X")) {
                return ":0";
            }
            l = new ArrayList<>();
            lists.put(cmd[1], l);
        }
        for (int i = 2; i < cmd.length; i++) {
            if (cmd[0].startsWith("L")) {
                l.add(0, cmd[i]);
            } else {
                l.add(cmd[i]);
            }
        }
        return ":" + l.size();
    }

    private static String pop(String[] cmd, List<String> l) {
        boolean left = cmd[0].startsWith("L");
        if (cmd.length == 2) {
            return l == null ? "$-1" : "$" + l.remove(left ? 0 : l.size() - 1);
        }
        int count = Integer.parseInt(cmd[2]);
        if (l == null) {
            return "*-1";
        }
        List<String> popped = new ArrayList<>();
        while (popped.size() < count && !l.isEmpty()) {
            popped.add(l.remove(left ? 0 : l.size() - 1));
        }
        return ListCommandsTest.show(popped);
    }

    private static String lrem(List<String> l, long count, String e) {
        if (l == null) {
            return ":0";
        }
        int removed = 0;
        if (count >= 0) {
            for (int i = 0; i < l.size() && (count == 0 || removed < count); ) {
                if (l.get(i).equals(e)) {
                    l.remove(i);
                    removed++;
                } else {
                    i++;
                }
            }
        } else {
            for (int i = l.size() - 1; i >= 0 && removed < -count; i--) {
                if (l.get(i).equals(e)) {
                    l.remove(i);
                    removed++;
                }
            }
        }
        return ":" + removed;
    }

    private static String lpos(String[] cmd, List<String> l) {
        long rank = 1;
        int count = -1;
        int maxlen = 0;
        for (int i = 3; i < cmd.length; i += 2) {
            switch (cmd[i]) {
                case "RANK" -> rank = Long.parseLong(cmd[i + 1]);
                case "COUNT" -> count = Integer.parseInt(cmd[i + 1]);
                default -> maxlen = Integer.parseInt(cmd[i + 1]);
            }
        }
        if (l == null) {
            return count == -1 ? "$-1" : "*0";
        }
        // the positions of the matches among the first MAXLEN elements seen from RANK's end
        List<Integer> found = new ArrayList<>();
        int scanned = maxlen == 0 ? l.size() : Math.min(maxlen, l.size());
        for (int j = 0; j < scanned; j++) {
            int at = rank > 0 ? j : l.size() - 1 - j;
            if (l.get(at).equals(cmd[2])) {
                found.add(at);
            }
        }
        List<Integer> ranked = found.subList((int) Math.min(found.size(), Math.abs(rank) - 1), found.size());
        if (count == -1) {
            return ranked.isEmpty() ? "$-1" : ":" + ranked.get(0);
        }
        List<Integer> answered = count == 0 ? ranked : ranked.subList(0, Math.min(count, ranked.size()));
        StringBuilder out = new StringBuilder("*" + answered.size());
        for (int at : answered) {
            out.append(" :").append(at);
        }
        return out.toString();
    }

    private String lmove(String[] cmd) {
        boolean rpoplpush = cmd[0].equals("RPOPLPUSH");
        boolean fromLeft = !rpoplpush && cmd[3].equals("LEFT");
        boolean toLeft = rpoplpush || cmd[4].equals("LEFT");
        List<String> src = lists.get(cmd[1]);
        if (src == null) {
            return "$-1";
        }
        String e = src.remove(fromLeft ? 0 : src.size() - 1);
        List<String> dst = lists.computeIfAbsent(cmd[2], x -> new ArrayList<>());
        dst.add(toLeft ? 0 : dst.size(), e);
        return "$" + e;
    }

    private String lmpop(String[] cmd) {
        int n = Integer.parseInt(cmd[1]);
        boolean left = cmd[2 + n].equals("LEFT");
        int count = cmd.length > 3 + n ? Integer.parseInt(cmd[4 + n]) : 1;
        for (int i = 0; i < n; i++) {
            List<String> l = lists.get(cmd[2 + i]);
            if (l != null) {
                List<String> popped = new ArrayList<>();
                while (popped.size() < count && !l.isEmpty()) {
                    popped.add(l.remove(left ? 0 : l.size() - 1));
                }
                return "*2 $" + cmd[2 + i] + " " + ListCommandsTest.show(popped);
            }
        }
        return "*-1";
    }

    /** A Redis list index in a list of {@code size}, or -1 when it is outside. */
    private static int index(long i, int size) {
        long at = i < 0 ? i + size : i;
        return at < 0 || at >= size ? -1 : (int) at;
    }

    /** LRANGE's {@code [start, stop]} inside a list of {@code size}, or null when it names nothing. */
    private static int[] span(long start, long stop, int size) {
        long s = Math.max(0, start < 0 ? start + size : start);
        long t = Math.min(size - 1, stop < 0 ? stop + size : stop);
        return s > t || s >= size ? null : new int[] {(int) s, (int) t};
    }
}
