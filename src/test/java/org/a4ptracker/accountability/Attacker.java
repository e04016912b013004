package org.a4ptracker.accountability;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader of a published table who tries to work out its suppressed counts, written independently
 * of {@link SmallCells}: it knows every published count, the range each marker promises ({@code
 * "<k"}: 1..k−1; {@code "suppressed"}: k or more) and that every column, and with row totals every
 * row, adds up to its total (the last row; the last column).
 *
 * <ul>
 *   <li>{@link #determined()}: the suppressed counts that the equations alone fix, by exact
 *       Gaussian elimination over the rationals: the unit vector of a count lies in the row space
 *       of the equations restricted to the suppressed counts.
 *   <li>{@link #narrowed()}: the suppressed counts that have one possible value once the ranges are
 *       used too. Two tables that agree with everything published differ by an integer vector that
 *       satisfies the equations, and that vector splits into parts that each move counts by one in
 *       its own direction (conformal decomposition), so the first part alone is already a different
 *       table within the ranges. A count is therefore narrowed to one value exactly when no change
 *       of every suppressed count by −1, 0 or +1, moving that count, keeps every equation and
 *       range: that is what is searched, by brute force.
 * </ul>
 */
final class Attacker {

    private final long[][] truth;
    private final long[][] low;
    private final long[][] high;
    private final boolean[][] hidden;
    private final int[][] index;
    private final List<int[]> unknowns = new ArrayList<>();
    private final List<int[][]> equations = new ArrayList<>();

    /**
     * @param truth every count, totals included (the last row; with {@code rowTotals} the last
     *     column)
     * @param published each count as published: a number, {@code "<k"} or {@code "suppressed"}
     */
    Attacker(long[][] truth, String[][] published, boolean rowTotals, int k) {
        this.truth = truth;
        int rows = truth.length;
        int columns = truth[0].length;
        low = new long[rows][columns];
        high = new long[rows][columns];
        hidden = new boolean[rows][columns];
        index = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                String p = published[r][c];
                if (p.equals("<" + k)) {
                    low[r][c] = 1;
                    high[r][c] = k - 1;
                    hidden[r][c] = true;
                } else if (p.equals("suppressed")) {
                    low[r][c] = k;
                    high[r][c] = Long.MAX_VALUE;
                    hidden[r][c] = true;
                } else {
                    long v = Long.parseLong(p);
                    if (v != truth[r][c]) {
                        throw new AssertionError("published " + v + " for " + truth[r][c]);
                    }
                    low[r][c] = v;
                    high[r][c] = v;
                }
                index[r][c] = hidden[r][c] ? unknowns.size() : -1;
                if (hidden[r][c]) {
                    unknowns.add(new int[] {r, c});
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            int[][] terms = new int[rows][];
            for (int r = 0; r < rows; r++) {
                terms[r] = new int[] {r, c, r == rows - 1 ? -1 : 1};
            }
            equations.add(terms);
        }
        if (rowTotals) {
            for (int r = 0; r < rows; r++) {
                int[][] terms = new int[columns][];
                for (int c = 0; c < columns; c++) {
                    terms[c] = new int[] {r, c, c == columns - 1 ? -1 : 1};
                }
                equations.add(terms);
            }
        }
        for (int[][] equation : equations) {
            long sum = 0;
            for (int[] t : equation) {
                sum += t[2] * truth[t[0]][t[1]];
            }
            if (sum != 0) {
                throw new AssertionError("the true table does not add up");
            }
        }
    }

    int suppressed() {
        return unknowns.size();
    }

    /** The suppressed counts ({row, column}) that the equations determine. */
    List<int[]> determined() {
        int n = unknowns.size();
        List<BigInteger[]> basis = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        for (int[][] equation : equations) {
            BigInteger[] row = new BigInteger[n];
            java.util.Arrays.fill(row, BigInteger.ZERO);
            for (int[] t : equation) {
                int u = unknown(t[0], t[1]);
                if (u >= 0) {
                    row[u] = row[u].add(BigInteger.valueOf(t[2]));
                }
            }
            insert(basis, pivots, row);
        }
        List<int[]> determined = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            BigInteger[] unit = new BigInteger[n];
            java.util.Arrays.fill(unit, BigInteger.ZERO);
            unit[u] = BigInteger.ONE;
            if (isZero(reduce(basis, pivots, unit))) {
                determined.add(unknowns.get(u));
            }
        }
        return determined;
    }

    private int unknown(int r, int c) {
        return index[r][c];
    }

    private static void insert(List<BigInteger[]> basis, List<Integer> pivots, BigInteger[] row) {
        BigInteger[] reduced = reduce(basis, pivots, row);
        for (int i = 0; i < reduced.length; i++) {
            if (reduced[i].signum() != 0) {
                basis.add(reduced);
                pivots.add(i);
                return;
            }
        }
    }

    /** The row minus multiples of the basis rows, in their order, so each pivot becomes zero. */
    private static BigInteger[] reduce(
            List<BigInteger[]> basis, List<Integer> pivots, BigInteger[] row) {
        BigInteger[] current = row.clone();
        for (int b = 0; b < basis.size(); b++) {
            int p = pivots.get(b);
            if (current[p].signum() == 0) {
                continue;
            }
            BigInteger[] base = basis.get(b);
            BigInteger factor = current[p];
            BigInteger scale = base[p];
            BigInteger gcd = BigInteger.ZERO;
            for (int i = 0; i < current.length; i++) {
                current[i] = current[i].multiply(scale).subtract(base[i].multiply(factor));
                gcd = gcd.gcd(current[i]);
            }
            if (gcd.signum() != 0) {
                for (int i = 0; i < current.length; i++) {
                    current[i] = current[i].divide(gcd);
                }
            }
        }
        return current;
    }

    private static boolean isZero(BigInteger[] row) {
        for (BigInteger v : row) {
            if (v.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    /** The suppressed counts ({row, column}) that have only one possible value. */
    List<int[]> narrowed() {
        List<int[]> narrowed = new ArrayList<>();
        for (int u = 0; u < unknowns.size(); u++) {
            int[] delta = new int[unknowns.size()];
            boolean other = false;
            for (int d = -1; d <= 1 && !other; d += 2) {
                delta[u] = d;
                other = within(u, d) && search(delta, u, 0);
            }
            if (!other) {
                narrowed.add(unknowns.get(u));
            }
        }
        return narrowed;
    }

    private boolean within(int u, int d) {
        int[] at = unknowns.get(u);
        long moved = truth[at[0]][at[1]] + d;
        return moved >= low[at[0]][at[1]] && moved <= high[at[0]][at[1]];
    }

    /** Chooses the moves of the unknowns from {@code next} on (the fixed one skipped). */
    private boolean search(int[] delta, int fixed, int next) {
        if (next == delta.length) {
            return holds(delta, delta.length, fixed);
        }
        if (next == fixed) {
            return search(delta, fixed, next + 1);
        }
        for (int d = -1; d <= 1; d++) {
            if (!within(next, d)) {
                continue;
            }
            delta[next] = d;
            if (holds(delta, next + 1, fixed) && search(delta, fixed, next + 1)) {
                return true;
            }
        }
        delta[next] = 0;
        return false;
    }

    /**
     * Whether the equations hold whose unknowns are all chosen: those before {@code chosen}, and
     * the fixed one.
     */
    private boolean holds(int[] delta, int chosen, int fixed) {
        for (int[][] equation : equations) {
            long sum = 0;
            boolean open = false;
            for (int[] t : equation) {
                int u = unknown(t[0], t[1]);
                if (u < 0) {
                    continue;
                }
                if (u >= chosen && u != fixed) {
                    open = true;
                    break;
                }
                sum += (long) t[2] * delta[u];
            }
            if (!open && sum != 0) {
                return false;
            }
        }
        return true;
    }
}
