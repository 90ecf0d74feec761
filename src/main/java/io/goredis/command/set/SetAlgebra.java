package io.goredis.command.set;

import io.goredis.store.value.SetValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Intersection, union and difference of sets, as Redis 7.0's {@code sinterGenericCommand} and
 * {@code sunionDiffGenericCommand} compute them, so that results come out in the same order and
 * encoding: a result set is built fresh, member by member, the way Redis fills its {@code dstset}
 * (an intset while every member is an integer, so SUNION answers integers in ascending order).
 *
 * <p>Absent keys are null entries. The same key given twice is the same {@link SetValue} object
 * (see {@link SetSources}): that is Redis's pointer test for "the same set". Pure functions: the
 * inputs are only read.
 */
final class SetAlgebra {

    private SetAlgebra() {}

    /**
     * SINTER: the members of the smallest set (the first given among equally small ones) that every
     * other set holds, in that set's order; at most {@code limit} of them (0: no limit). Empty as
     * soon as one key is absent.
     */
    static List<byte[]> inter(List<SetValue> sets, long limit) {
        for (SetValue s : sets) {
            if (s == null) {
                return List.of();
            }
        }
        List<SetValue> bySize = new ArrayList<>(sets);
        bySize.sort(Comparator.comparingLong(SetValue::size)); // stable, as glibc's qsort (a merge sort)
        SetValue smallest = bySize.get(0);
        List<byte[]> out = new ArrayList<>();
        smallest.forEach(m -> {
            if (limit > 0 && out.size() >= limit) {
                return;
            }
            for (int j = 1; j < bySize.size(); j++) {
                SetValue other = bySize.get(j);
                if (other != smallest && !other.contains(m)) {
                    return;
                }
            }
            out.add(m);
        });
        return out;
    }

    /** A fresh set of {@code members}, added in order. */
    static SetValue of(List<byte[]> members) {
        SetValue out = new SetValue();
        for (byte[] m : members) {
            out.add(m);
        }
        return out;
    }

    /** SUNION: a fresh set, filled with each set's members in turn. */
    static SetValue union(List<SetValue> sets) {
        SetValue out = new SetValue();
        for (SetValue s : sets) {
            if (s != null) {
                s.forEach(out::add);
            }
        }
        return out;
    }

    /**
     * SDIFF: the members of the first set that no other set holds, in a fresh set; empty when the
     * first key is absent or given again later. Redis picks one of two algorithms by the work each
     * would do, and which one it picks decides the result's encoding (the second adds the whole
     * first set before removing), so the same choice is made here.
     */
    static SetValue diff(List<SetValue> sets) {
        SetValue out = new SetValue();
        SetValue first = sets.get(0);
        if (first == null) {
            return out;
        }
        for (int j = 1; j < sets.size(); j++) {
            if (sets.get(j) == first) {
                return out;
            }
        }
        long algoOneWork = 0;
        long algoTwoWork = 0;
        for (SetValue s : sets) {
            if (s != null) {
                algoOneWork += first.size();
                algoTwoWork += s.size();
            }
        }
        algoOneWork /= 2; // Redis gives the first algorithm some advantage
        if (algoOneWork <= algoTwoWork) {
            // 1: each member of the first set that no other set holds
            first.forEach(m -> {
                for (int j = 1; j < sets.size(); j++) {
                    SetValue s = sets.get(j);
                    if (s != null && s.contains(m)) {
                        return;
                    }
                }
                out.add(m);
            });
        } else {
            // 2: the whole first set, then remove every other set's members
            first.forEach(out::add);
            for (int j = 1; j < sets.size() && !out.isEmpty(); j++) {
                SetValue s = sets.get(j);
                if (s != null) {
                    s.forEach(out::remove);
                }
            }
        }
        return out;
    }
}
