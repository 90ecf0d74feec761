package io.goredis.store.value;

import java.util.Arrays;

/**
 * A sorted set's elements in Redis's order (score, then member bytes unsigned): an order-statistic
 * B+tree where Redis keeps a skiplist. Leaves hold up to {@link #LEAF_CAPACITY} elements in two
 * parallel arrays and are linked both ways; inner nodes hold up to {@link #INNER_CAPACITY} children,
 * the smallest key each child had when it was made (a lower fence that stays valid as elements
 * leave), and every node counts the elements below it. Insert, remove, rank, and finding the first
 * element past a score or lex bound are O(log n); walking m elements from there is O(m). About 12
 * bytes per element in well-filled leaves, where a skiplist node costs Redis 40 or more.
 *
 * <p>Leaves split in half, except at either end of the tree, where the full leaf is kept and the
 * new element starts a leaf of its own (so ever-rising scores, the commonest pattern, fill leaves
 * completely). An emptied node is unlinked; a leaf under a quarter full merges into a neighbour
 * under the same parent when both fit in half a leaf. Not thread-safe.
 */
final class ScoreTree {

    static final int LEAF_CAPACITY = 128;
    static final int INNER_CAPACITY = 64;

    /** A predicate over elements in order: false for a prefix, then true ("the bound is reached"). */
    @FunctionalInterface
    interface Bound {
        boolean reached(double score, byte[] member);
    }

    /** Receives elements. */
    @FunctionalInterface
    interface Visitor {
        void accept(byte[] member, double score);
    }

    static int compare(double s1, byte[] m1, double s2, byte[] m2) {
        if (s1 < s2) {
            return -1;
        }
        if (s1 > s2) {
            return 1;
        }
        return Arrays.compareUnsigned(m1, m2);
    }

    private abstract static sealed class Node permits Leaf, Inner {
        int count; // elements below
    }

    private static final class Leaf extends Node {
        double[] scores;
        byte[][] members;
        Leaf prev;
        Leaf next;

        Leaf(int capacity) {
            scores = new double[capacity];
            members = new byte[capacity][];
        }

        /** First index whose element satisfies {@code b}, or count. */
        int lowerBound(Bound b) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (b.reached(scores[mid], members[mid])) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** First index whose element is not below (s, m), or count. */
        int position(double s, byte[] m) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compare(scores[mid], members[mid], s, m) >= 0) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    private static final class Inner extends Node {
        final Node[] kids = new Node[INNER_CAPACITY];
        final double[] fenceScores = new double[INNER_CAPACITY]; // [0] unused: kid 0 takes everything below kid 1
        final byte[][] fenceMembers = new byte[INNER_CAPACITY][];
        int n;

        /** The child whose range holds (s, m): the last one whose fence is not above it. */
        int childFor(double s, byte[] m) {
            int lo = 1;
            int hi = n;
            while (lo < hi) { // first fence above (s, m)
                int mid = (lo + hi) >>> 1;
                if (compare(fenceScores[mid], fenceMembers[mid], s, m) > 0) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo - 1;
        }

        /** The child where {@code b} starts to hold: the one before the first fence that reaches it. */
        int childForBound(Bound b) {
            int lo = 1;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (b.reached(fenceScores[mid], fenceMembers[mid])) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo - 1;
        }

        void insertKid(int at, Node kid, double fenceScore, byte[] fenceMember) {
            System.arraycopy(kids, at, kids, at + 1, n - at);
            System.arraycopy(fenceScores, at, fenceScores, at + 1, n - at);
            System.arraycopy(fenceMembers, at, fenceMembers, at + 1, n - at);
            kids[at] = kid;
            fenceScores[at] = fenceScore;
            fenceMembers[at] = fenceMember;
            n++;
        }

        void removeKid(int at) {
            System.arraycopy(kids, at + 1, kids, at, n - at - 1);
            System.arraycopy(fenceScores, at + 1, fenceScores, at, n - at - 1);
            System.arraycopy(fenceMembers, at + 1, fenceMembers, at, n - at - 1);
            n--;
            kids[n] = null;
            fenceMembers[n] = null;
        }
    }

    private Node root;
    private Leaf first;
    private long leafSlots; // capacity of all leaves, for weight
    private int leaves;
    private int innerNodes;
    // the fence of the node a split just made (returned alongside it)
    private double splitScore;
    private byte[] splitMember;

    ScoreTree() {
        Leaf leaf = newLeaf(4);
        root = leaf;
        first = leaf;
    }

    long size() {
        return root.count;
    }

    /** Heap bytes of the tree's own arrays (not the members, which the caller counts). */
    long weight() {
        return 12 * leafSlots + 72L * leaves + 1100L * innerNodes;
    }

    private Leaf newLeaf(int capacity) {
        leafSlots += capacity;
        leaves++;
        return new Leaf(capacity);
    }

    // --- insert ------------------------------------------------------------------------------

    /** Inserts (s, m), which must not be present (the caller's member table knows). */
    void insert(double s, byte[] m) {
        Node split = insert(root, s, m);
        if (split != null) {
            Inner top = new Inner();
            innerNodes++;
            top.kids[0] = root;
            top.n = 1;
            top.insertKid(1, split, splitScore, splitMember);
            top.count = root.count + split.count;
            root = top;
        }
    }

    private Node insert(Node node, double s, byte[] m) {
        if (node instanceof Leaf leaf) {
            return insertLeaf(leaf, s, m);
        }
        Inner in = (Inner) node;
        int i = in.childFor(s, m);
        Node split = insert(in.kids[i], s, m);
        in.count++;
        if (split == null) {
            return null;
        }
        double fs = splitScore;
        byte[] fm = splitMember;
        if (in.n < INNER_CAPACITY) {
            in.insertKid(i + 1, split, fs, fm);
            return null;
        }
        Inner right = new Inner();
        innerNodes++;
        int half = INNER_CAPACITY / 2;
        int moved = in.n - half;
        System.arraycopy(in.kids, half, right.kids, 0, moved);
        System.arraycopy(in.fenceScores, half, right.fenceScores, 0, moved);
        System.arraycopy(in.fenceMembers, half, right.fenceMembers, 0, moved);
        Arrays.fill(in.kids, half, in.n, null);
        Arrays.fill(in.fenceMembers, half, in.n, null);
        right.n = moved;
        in.n = half;
        if (i + 1 <= half) {
            in.insertKid(i + 1, split, fs, fm);
        } else {
            right.insertKid(i + 1 - half, split, fs, fm);
        }
        right.count = 0;
        for (int k = 0; k < right.n; k++) {
            right.count += right.kids[k].count;
        }
        in.count -= right.count;
        splitScore = right.fenceScores[0];
        splitMember = right.fenceMembers[0];
        return right;
    }

    private Node insertLeaf(Leaf leaf, double s, byte[] m) {
        int pos = leaf.position(s, m);
        if (leaf.count < LEAF_CAPACITY) {
            insertAt(leaf, pos, s, m);
            return null;
        }
        Leaf right;
        if (pos == leaf.count && leaf.next == null) {
            right = newLeaf(4); // appending at the very end: keep this leaf full
            insertAt(right, 0, s, m);
        } else if (pos == 0 && leaf.prev == null) {
            right = newLeaf(0); // prepending at the very start: everything moves right, the new one stays
            right.scores = leaf.scores;
            right.members = leaf.members;
            right.count = leaf.count;
            leaf.scores = new double[4];
            leaf.members = new byte[4][];
            leaf.count = 0;
            leafSlots += 4;
            insertAt(leaf, 0, s, m);
        } else {
            int half = LEAF_CAPACITY / 2;
            right = newLeaf(LEAF_CAPACITY);
            int moved = leaf.count - half;
            System.arraycopy(leaf.scores, half, right.scores, 0, moved);
            System.arraycopy(leaf.members, half, right.members, 0, moved);
            Arrays.fill(leaf.members, half, leaf.count, null);
            right.count = moved;
            leaf.count = half;
            if (pos <= half) {
                insertAt(leaf, pos, s, m);
            } else {
                insertAt(right, pos - half, s, m);
            }
        }
        right.next = leaf.next;
        right.prev = leaf;
        if (leaf.next != null) {
            leaf.next.prev = right;
        }
        leaf.next = right;
        splitScore = right.scores[0];
        splitMember = right.members[0];
        return right;
    }

    private void insertAt(Leaf leaf, int pos, double s, byte[] m) {
        if (leaf.count == leaf.scores.length) {
            int capacity = Math.min(LEAF_CAPACITY, Math.max(4, leaf.count * 2));
            leafSlots += capacity - leaf.scores.length;
            leaf.scores = Arrays.copyOf(leaf.scores, capacity);
            leaf.members = Arrays.copyOf(leaf.members, capacity);
        }
        System.arraycopy(leaf.scores, pos, leaf.scores, pos + 1, leaf.count - pos);
        System.arraycopy(leaf.members, pos, leaf.members, pos + 1, leaf.count - pos);
        leaf.scores[pos] = s;
        leaf.members[pos] = m;
        leaf.count++;
    }

    // --- remove ------------------------------------------------------------------------------

    /** Removes (s, m); false if it is not there. */
    boolean remove(double s, byte[] m) {
        if (!remove(root, s, m)) {
            return false;
        }
        while (root instanceof Inner in && in.n <= 1) {
            if (in.n == 0) {
                leaves = 0;
                leafSlots = 0;
                Leaf leaf = newLeaf(4);
                root = leaf;
                first = leaf;
            } else {
                root = in.kids[0];
            }
            innerNodes--;
        }
        return true;
    }

    private boolean remove(Node node, double s, byte[] m) {
        if (node instanceof Leaf leaf) {
            int pos = leaf.position(s, m);
            if (pos == leaf.count || compare(leaf.scores[pos], leaf.members[pos], s, m) != 0) {
                return false;
            }
            System.arraycopy(leaf.scores, pos + 1, leaf.scores, pos, leaf.count - pos - 1);
            System.arraycopy(leaf.members, pos + 1, leaf.members, pos, leaf.count - pos - 1);
            leaf.count--;
            leaf.members[leaf.count] = null;
            return true;
        }
        Inner in = (Inner) node;
        int i = in.childFor(s, m);
        Node kid = in.kids[i];
        if (!remove(kid, s, m)) {
            return false;
        }
        in.count--;
        if (kid.count == 0) {
            if (kid instanceof Leaf leaf) {
                unlink(leaf);
            } else {
                innerNodes--;
            }
            in.removeKid(i);
        } else if (kid instanceof Leaf leaf && leaf.count < LEAF_CAPACITY / 4) {
            if (i + 1 < in.n && in.kids[i + 1] instanceof Leaf next && leaf.count + next.count <= LEAF_CAPACITY / 2) {
                mergeInto(leaf, next);
                in.removeKid(i + 1);
            } else if (i > 0 && in.kids[i - 1] instanceof Leaf prev && leaf.count + prev.count <= LEAF_CAPACITY / 2) {
                mergeInto(prev, leaf);
                in.removeKid(i);
            }
        }
        return true;
    }

    /** Appends {@code right}'s elements to {@code left} and unlinks {@code right}. */
    private void mergeInto(Leaf left, Leaf right) {
        int n = left.count + right.count;
        if (n > left.scores.length) {
            leafSlots += n - left.scores.length;
            left.scores = Arrays.copyOf(left.scores, n);
            left.members = Arrays.copyOf(left.members, n);
        }
        System.arraycopy(right.scores, 0, left.scores, left.count, right.count);
        System.arraycopy(right.members, 0, left.members, left.count, right.count);
        left.count = n;
        right.count = 0;
        unlink(right);
    }

    private void unlink(Leaf leaf) {
        leafSlots -= leaf.scores.length;
        leaves--;
        if (leaf.prev != null) {
            leaf.prev.next = leaf.next;
        } else {
            first = leaf.next;
        }
        if (leaf.next != null) {
            leaf.next.prev = leaf.prev;
        }
    }

    // --- queries -----------------------------------------------------------------------------

    /** How many elements come before the first one that reaches {@code b} (size if none does). */
    long rank(Bound b) {
        Node node = root;
        long rank = 0;
        while (node instanceof Inner in) {
            int i = in.childForBound(b);
            for (int k = 0; k < i; k++) {
                rank += in.kids[k].count;
            }
            node = in.kids[i];
        }
        return rank + ((Leaf) node).lowerBound(b);
    }

    /** The rank of (s, m), which must be present. */
    long rank(double s, byte[] m) {
        return rank((score, member) -> compare(score, member, s, m) >= 0);
    }

    /**
     * Visits the elements of ranks {@code from} to {@code to} inclusive (0-based, in range), in
     * ascending order or, when {@code reverse}, from {@code to} down to {@code from}.
     */
    void range(long from, long to, boolean reverse, Visitor visitor) {
        if (from > to) {
            return;
        }
        long start = reverse ? to : from;
        Node node = root;
        long r = start;
        while (node instanceof Inner in) {
            int k = 0;
            while (r >= in.kids[k].count) {
                r -= in.kids[k].count;
                k++;
            }
            node = in.kids[k];
        }
        Leaf leaf = (Leaf) node;
        int i = (int) r;
        for (long left = to - from + 1; left > 0; left--) {
            visitor.accept(leaf.members[i], leaf.scores[i]);
            if (reverse) {
                if (--i < 0 && left > 1) {
                    leaf = leaf.prev;
                    i = leaf.count - 1;
                }
            } else if (++i == leaf.count && left > 1) {
                leaf = leaf.next;
                i = 0;
            }
        }
    }

    /** Every element in ascending order. */
    void forEach(Visitor visitor) {
        for (Leaf leaf = first; leaf != null; leaf = leaf.next) {
            for (int i = 0; i < leaf.count; i++) {
                visitor.accept(leaf.members[i], leaf.scores[i]);
            }
        }
    }

    /** The score of {@code m} by a walk (the compact encoding has no member table), or NaN. */
    double scanFor(byte[] m) {
        for (Leaf leaf = first; leaf != null; leaf = leaf.next) {
            for (int i = 0; i < leaf.count; i++) {
                if (Arrays.equals(leaf.members[i], m)) {
                    return leaf.scores[i];
                }
            }
        }
        return Double.NaN;
    }
}
