package org.a4ptracker.accountability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Small-cell suppression of one published table of counts; the rule as the contract states it (at
 * {@code GET /public/statistics}) and the README explains it.
 *
 * <p>The table is {@code rows} groups by {@code columns} figures, plus a totals row (index {@code
 * rows}) and, when the figures of a row add up to a published total ({@code rowTotals}), a column
 * of row totals (index {@code columns}). Every total is computed from the true counts. Then every
 * count from 1 to k−1 is {@link Shown#SMALL}, and further counts are {@link Shown#WITHHELD} until
 * no suppressed count can be worked out from what is published.
 *
 * <p>What a reader knows: every published count, that a {@code "<k"} lies in 1..k−1, that a
 * withheld count is at least k (zeros are published, smaller ones would be {@code "<k"}), and that
 * the rows and columns add up. A suppressed count is safe when some other table that agrees with
 * all of that gives it another value. Such a table always differs from the true one around a cycle
 * of suppressed counts, each moving by one (the difference of two such tables splits into such
 * cycles), so a count is safe exactly when a cycle through it can move by one within the known
 * ranges:
 *
 * <ul>
 *   <li>without row totals each column is one equation (its cells add up to its total): a cycle is
 *       a pair of suppressed counts of one column, moving one up and one down (two cells) or both
 *       the same way (a cell and the total);
 *   <li>with row totals every count lies on one row equation and one column equation, margins
 *       included: rows and columns are the two sides of a graph, each suppressed count an edge, and
 *       a cycle alternates rows and columns. An exposed count (r, c) is protected by withholding
 *       (r, c′), (r′, c) and (r′, c′) so that the rectangle r–c–r′–c′ can move or, where no
 *       rectangle can, the counts of the cheapest longer cycle (Dijkstra).
 * </ul>
 *
 * Each exposed count gets the cheapest protection that can move: the fewest new withheld counts,
 * then the smallest, then the fewest totals. Where none can (a row whose only non-zero counts are
 * all small), the count is still kept from being determined by the equations alone: the cheapest
 * protection without the range condition is applied when the count is the only suppressed one of
 * its column, or a bridge of the graph (on no cycle at all). A zero is never withheld: the totals
 * row and column and the grand total, never smaller than what they add up, always close a cycle.
 */
final class SmallCells {

    /** How a count is published. */
    enum Shown {
        /** As it is. */
        COUNT,
        /** As {@code "<k"}: from 1 to k−1. */
        SMALL,
        /** Withheld so that no suppressed count can be worked out. */
        WITHHELD
    }

    /** A table with its totals, and how each count is published. */
    record Table(long[][] values, Shown[][] shown) {

        long value(int row, int column) {
            return values[row][column];
        }

        Shown shown(int row, int column) {
            return shown[row][column];
        }
    }

    private SmallCells() {}

    /**
     * Suppresses the table of {@code cells} (one array of {@code columns} counts per group) with
     * threshold {@code k}; the totals row is the last row of the answer, and with {@code rowTotals}
     * each row's total is its last column.
     */
    static Table suppress(long[][] cells, int columns, boolean rowTotals, int k) {
        int rows = cells.length;
        int width = columns + (rowTotals ? 1 : 0);
        long[][] values = new long[rows + 1][width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                long v = cells[r][c];
                values[r][c] = v;
                values[rows][c] += v;
                if (rowTotals) {
                    values[r][columns] += v;
                    values[rows][columns] += v;
                }
            }
        }
        Shown[][] shown = new Shown[rows + 1][width];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c < width; c++) {
                long v = values[r][c];
                shown[r][c] = v >= 1 && v < k ? Shown.SMALL : Shown.COUNT;
            }
        }
        Table table = new Table(values, shown);
        if (width > 0) {
            new Protection(table, k, rowTotals).run();
        }
        return table;
    }

    /** The complementary suppression of one table. */
    private static final class Protection {

        private final long[][] values;
        private final Shown[][] shown;
        private final int k;
        private final boolean plane;
        private final int lastRow;
        private final int lastColumn;
        private int[] components;

        Protection(Table table, int k, boolean plane) {
            this.values = table.values();
            this.shown = table.shown();
            this.k = k;
            this.plane = plane;
            this.lastRow = values.length - 1;
            this.lastColumn = values[0].length - 1;
        }

        void run() {
            Set<Long> givenUp = new HashSet<>();
            // Counts on a cycle that can move stay so: withholding more never narrows a range.
            Set<Long> movable = new HashSet<>();
            while (true) {
                components = plane ? components() : null;
                List<int[]> exposed = new ArrayList<>();
                for (int r = 0; r <= lastRow; r++) {
                    for (int c = 0; c <= lastColumn; c++) {
                        long key = key(r, c);
                        if (!hidden(r, c) || givenUp.contains(key) || movable.contains(key)) {
                            continue;
                        }
                        if (canMove(r, c)) {
                            movable.add(key);
                        } else {
                            exposed.add(new int[] {r, c});
                        }
                    }
                }
                if (exposed.isEmpty()) {
                    return;
                }
                Set<Long> bridges = plane ? bridges() : Set.of();
                for (int[] e : exposed) {
                    int r = e[0];
                    int c = e[1];
                    if (movable.contains(key(r, c))) {
                        continue;
                    }
                    int[][] fix = cheapest(r, c, true);
                    if (fix != null) {
                        for (int[] at : fix) {
                            withhold(at);
                            movable.add(key(at[0], at[1]));
                        }
                        movable.add(key(r, c));
                    } else if ((plane ? bridges.contains(key(r, c)) : onlyOneInColumn(c))
                            && (fix = cheapest(r, c, false)) != null) {
                        for (int[] at : fix) {
                            withhold(at);
                        }
                    } else {
                        givenUp.add(key(r, c));
                    }
                }
            }
        }

        private long key(int r, int c) {
            return (long) r * (lastColumn + 1) + c;
        }

        private boolean hidden(int r, int c) {
            return shown[r][c] != Shown.COUNT;
        }

        private void withhold(int[] at) {
            if (!hidden(at[0], at[1])) {
                shown[at[0]][at[1]] = Shown.WITHHELD;
            }
        }

        /**
         * Whether the count, suppressed now or withheld if it is not, may move by {@code delta}
         * within the range a reader knows.
         */
        private boolean allows(int r, int c, long delta) {
            long moved = values[r][c] + delta;
            return shown[r][c] == Shown.SMALL ? moved >= 1 && moved < k : moved >= k;
        }

        /** The sign of a count in its row's equation: a row total is subtracted. */
        private int inRow(int c) {
            return plane && c == lastColumn ? -1 : 1;
        }

        /** The sign of a count in its column's equation: the totals row is subtracted. */
        private int inColumn(int r) {
            return r == lastRow ? -1 : 1;
        }

        private boolean onlyOneInColumn(int c) {
            int hidden = 0;
            for (int r = 0; r <= lastRow; r++) {
                hidden += hidden(r, c) ? 1 : 0;
            }
            return hidden == 1;
        }

        /** Whether some cycle of suppressed counts through (r, c) can move by one. */
        private boolean canMove(int r, int c) {
            if (!plane) {
                for (int other = 0; other <= lastRow; other++) {
                    if (other != r && hidden(other, c) && pairMoves(r, other, c)) {
                        return true;
                    }
                }
                return false;
            }
            // In the graph, an edge's arc from its row to its column moves it by the product of its
            // signs, the arc back by the opposite; a cycle follows arcs.
            long forward = (long) inRow(c) * inColumn(r);
            int row = r;
            int column = lastRow + 1 + c;
            boolean up = allows(r, c, forward);
            boolean down = allows(r, c, -forward);
            if (up != down) {
                // One arc only: no cycle can use the count twice, so a cycle through its arc is
                // exactly its row and column in one strongly connected component.
                return components[row] == components[column];
            }
            return up && (reaches(column, row, r, c, false) || reaches(row, column, r, c, false));
        }

        /**
         * The strongly connected components of the graph of movable arcs (Tarjan), by node. The
         * search alternates rows and columns, so it is never deeper than twice the columns.
         */
        private int[] components() {
            int nodes = lastRow + 1 + lastColumn + 1;
            Components search = new Components(nodes);
            for (int node = 0; node < nodes; node++) {
                if (search.index[node] == 0) {
                    connect(node, search);
                }
            }
            return search.component;
        }

        private static final class Components {
            final int[] index;
            final int[] lowest;
            final boolean[] stacked;
            final int[] component;
            final Deque<Integer> stack = new ArrayDeque<>();
            int clock;
            int count;

            Components(int nodes) {
                index = new int[nodes];
                lowest = new int[nodes];
                stacked = new boolean[nodes];
                component = new int[nodes];
            }
        }

        private void connect(int node, Components s) {
            s.index[node] = ++s.clock;
            s.lowest[node] = s.index[node];
            s.stack.push(node);
            s.stacked[node] = true;
            boolean isRow = node <= lastRow;
            int count = isRow ? lastColumn + 1 : lastRow + 1;
            for (int i = 0; i < count; i++) {
                int r = isRow ? node : i;
                int c = isRow ? i : node - lastRow - 1;
                long forward = (long) inRow(c) * inColumn(r);
                if (!hidden(r, c) || !allows(r, c, isRow ? forward : -forward)) {
                    continue;
                }
                int next = isRow ? lastRow + 1 + c : r;
                if (s.index[next] == 0) {
                    connect(next, s);
                    s.lowest[node] = Math.min(s.lowest[node], s.lowest[next]);
                } else if (s.stacked[next]) {
                    s.lowest[node] = Math.min(s.lowest[node], s.index[next]);
                }
            }
            if (s.lowest[node] == s.index[node]) {
                s.count++;
                int member;
                do {
                    member = s.stack.pop();
                    s.stacked[member] = false;
                    s.component[member] = s.count;
                } while (member != node);
            }
        }

        /**
         * Whether the counts at rows {@code a} and {@code b} of column {@code c} can move together.
         */
        private boolean pairMoves(int a, int b, int c) {
            for (int delta = -1; delta <= 1; delta += 2) {
                int other = -delta * inColumn(a) * inColumn(b);
                if (allows(a, c, delta) && allows(b, c, other)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether a path of movable arcs leads from node {@code from} to node {@code to} without
         * the count (skipR, skipC): through suppressed counts, and with {@code candidates} through
         * any non-zero count as if withheld. Rows are nodes 0..lastRow, columns the nodes after
         * them.
         */
        private boolean reaches(int from, int to, int skipR, int skipC, boolean candidates) {
            int columns = lastColumn + 1;
            boolean[] seen = new boolean[lastRow + 1 + columns];
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(from);
            seen[from] = true;
            while (!queue.isEmpty()) {
                int node = queue.poll();
                if (node == to) {
                    return true;
                }
                boolean isRow = node <= lastRow;
                int count = isRow ? columns : lastRow + 1;
                for (int i = 0; i < count; i++) {
                    int r = isRow ? node : i;
                    int c = isRow ? i : node - lastRow - 1;
                    int next = isRow ? lastRow + 1 + c : r;
                    boolean usable = hidden(r, c) || candidates && values[r][c] > 0;
                    if (seen[next] || !usable || r == skipR && c == skipC) {
                        continue;
                    }
                    long forward = (long) inRow(c) * inColumn(r);
                    if (allows(r, c, isRow ? forward : -forward)) {
                        seen[next] = true;
                        queue.add(next);
                    }
                }
            }
            return false;
        }

        /**
         * The cheapest counts to withhold so that (r, c) lies on a cycle of suppressed counts that
         * can move ({@code moving}), or on any cycle at all; null when there is none.
         */
        private int[][] cheapest(int r, int c, boolean moving) {
            if (plane) {
                int[][] rectangle = cheapestRectangle(r, c, moving);
                return rectangle != null || !moving ? rectangle : cheapestCycle(r, c, true);
            }
            long[] best = null;
            int[][] chosen = null;
            for (int other = 0; other <= lastRow; other++) {
                if (other == r || hidden(other, c)) {
                    continue;
                }
                int[][] entries = {{other, c}};
                long[] cost = cost(entries);
                if (cost != null
                        && (best == null || Arrays.compare(cost, best) < 0)
                        && (!moving || pairMovesIfWithheld(r, other, c))) {
                    best = cost;
                    chosen = entries;
                }
            }
            return chosen;
        }

        /**
         * The counts to withhold that close the cheapest rectangle r–c–r′–c′ through (r, c), the
         * shortest cycle there is; null when none can (move, with {@code moving}).
         */
        private int[][] cheapestRectangle(int r, int c, boolean moving) {
            long[] best = null;
            int bestRow = -1;
            int bestColumn = -1;
            long[] cost = new long[3];
            for (int r2 = 0; r2 <= lastRow; r2++) {
                if (r2 == r || !hidden(r2, c) && values[r2][c] == 0) {
                    continue;
                }
                for (int c2 = 0; c2 <= lastColumn; c2++) {
                    Arrays.fill(cost, 0);
                    if (c2 == c
                            || !price(r, c2, cost)
                            || !price(r2, c, cost)
                            || !price(r2, c2, cost)) {
                        continue;
                    }
                    if ((best == null || Arrays.compare(cost, best) < 0)
                            && (!moving || rectangleMoves(r, c, r2, c2))) {
                        best = cost.clone();
                        bestRow = r2;
                        bestColumn = c2;
                    }
                }
            }
            return best == null
                    ? null
                    : new int[][] {{r, bestColumn}, {bestRow, c}, {bestRow, bestColumn}};
        }

        /**
         * Adds what withholding the count costs to {@code cost} (one more count, its value, whether
         * it is a total; nothing if it is suppressed already); false for a published zero.
         */
        private boolean price(int r, int c, long[] cost) {
            if (hidden(r, c)) {
                return true;
            }
            long v = values[r][c];
            if (v == 0) {
                return false;
            }
            cost[0]++;
            cost[1] += v;
            cost[2] += r == lastRow || plane && c == lastColumn ? 1 : 0;
            return true;
        }

        /** Whether the rectangle r–c–r2–c2, its counts withheld where they are not, can move. */
        private boolean rectangleMoves(int r, int c, int r2, int c2) {
            long rows = (long) inColumn(r) * inColumn(r2);
            long columns = (long) inRow(c) * inRow(c2);
            for (long delta = -1; delta <= 1; delta += 2) {
                if (allows(r, c, delta)
                        && allows(r, c2, -columns * delta)
                        && allows(r2, c, -rows * delta)
                        && allows(r2, c2, rows * columns * delta)) {
                    return true;
                }
            }
            return false;
        }

        private boolean pairMovesIfWithheld(int r, int other, int c) {
            Shown was = shown[other][c];
            shown[other][c] = Shown.WITHHELD;
            boolean moves = pairMoves(r, other, c);
            shown[other][c] = was;
            return moves;
        }

        /**
         * The counts to withhold that close the cheapest cycle through (r, c): the cheaper of the
         * paths from one end of its edge back to the other, for either way it may move.
         */
        private int[][] cheapestCycle(int r, int c, boolean moving) {
            long forward = (long) inRow(c) * inColumn(r);
            int row = r;
            int column = lastRow + 1 + c;
            Path best = null;
            if ((!moving || allows(r, c, forward)) && reaches(column, row, r, c, true)) {
                best = path(column, row, r, c, moving);
            }
            if ((!moving || allows(r, c, -forward)) && reaches(row, column, r, c, true)) {
                Path back = path(row, column, r, c, moving);
                if (back != null
                        && (best == null || Arrays.compare(back.cost(), best.cost()) < 0)) {
                    best = back;
                }
            }
            return best == null ? null : best.entries();
        }

        private record Path(long[] cost, int[][] entries) {}

        /**
         * The cheapest path of counts from node {@code from} to node {@code to} without the count
         * (skipR, skipC), by Dijkstra: a count already suppressed costs nothing, another one more
         * withheld count, then its value, then whether it is a total; zeros are never used. With
         * {@code moving}, each count must be able to move the way the path crosses it (a count not
         * yet suppressed moves as a withheld one). Null when no path exists.
         */
        private Path path(int from, int to, int skipR, int skipC, boolean moving) {
            int nodes = lastRow + 1 + lastColumn + 1;
            long[][] cost = new long[nodes][];
            int[][] via = new int[nodes][];
            PriorityQueue<long[]> queue =
                    new PriorityQueue<>((a, b) -> Arrays.compare(a, 0, 3, b, 0, 3));
            cost[from] = new long[3];
            queue.add(new long[] {0, 0, 0, from});
            while (!queue.isEmpty()) {
                long[] head = queue.poll();
                int node = (int) head[3];
                if (node == to) {
                    break;
                }
                if (Arrays.compare(head, 0, 3, cost[node], 0, 3) > 0) {
                    continue;
                }
                boolean isRow = node <= lastRow;
                int count = isRow ? lastColumn + 1 : lastRow + 1;
                for (int i = 0; i < count; i++) {
                    int r = isRow ? node : i;
                    int c = isRow ? i : node - lastRow - 1;
                    boolean free = hidden(r, c);
                    if (r == skipR && c == skipC || !free && values[r][c] == 0) {
                        continue;
                    }
                    long forward = (long) inRow(c) * inColumn(r);
                    if (moving && !allows(r, c, isRow ? forward : -forward)) {
                        continue;
                    }
                    int next = isRow ? lastRow + 1 + c : r;
                    long[] reached = cost[node].clone();
                    if (!free) {
                        reached[0]++;
                        reached[1] += values[r][c];
                        reached[2] += r == lastRow || c == lastColumn ? 1 : 0;
                    }
                    if (cost[next] == null || Arrays.compare(reached, cost[next]) < 0) {
                        cost[next] = reached;
                        via[next] = new int[] {node, r, c};
                        queue.add(new long[] {reached[0], reached[1], reached[2], next});
                    }
                }
            }
            if (cost[to] == null) {
                return null;
            }
            List<int[]> entries = new ArrayList<>();
            for (int node = to; node != from; node = via[node][0]) {
                entries.add(new int[] {via[node][1], via[node][2]});
            }
            return new Path(cost[to], entries.toArray(new int[0][]));
        }

        /** What withholding these counts costs (see {@link #price}); null for a published zero. */
        private long[] cost(int[][] entries) {
            long[] cost = new long[3];
            for (int[] at : entries) {
                if (!price(at[0], at[1], cost)) {
                    return null;
                }
            }
            return cost;
        }

        /**
         * The suppressed counts on no cycle of the graph of rows, columns and suppressed counts:
         * those the equations alone determine. Depth-first search (Tarjan): an edge is a bridge
         * when nothing below it reaches above it. The search alternates rows and columns, so it is
         * never deeper than twice the columns.
         */
        private Set<Long> bridges() {
            int nodes = lastRow + 1 + lastColumn + 1;
            int[] entered = new int[nodes];
            int[] lowest = new int[nodes];
            Set<Long> bridges = new HashSet<>();
            int[] clock = {0};
            for (int node = 0; node < nodes; node++) {
                if (entered[node] == 0) {
                    search(node, -1, -1, entered, lowest, clock, bridges);
                }
            }
            return bridges;
        }

        private void search(
                int node,
                int viaR,
                int viaC,
                int[] entered,
                int[] lowest,
                int[] clock,
                Set<Long> bridges) {
            entered[node] = ++clock[0];
            lowest[node] = entered[node];
            boolean isRow = node <= lastRow;
            int count = isRow ? lastColumn + 1 : lastRow + 1;
            for (int i = 0; i < count; i++) {
                int r = isRow ? node : i;
                int c = isRow ? i : node - lastRow - 1;
                if (!hidden(r, c) || r == viaR && c == viaC) {
                    continue;
                }
                int next = isRow ? lastRow + 1 + c : r;
                if (entered[next] != 0) {
                    lowest[node] = Math.min(lowest[node], entered[next]);
                } else {
                    search(next, r, c, entered, lowest, clock, bridges);
                    lowest[node] = Math.min(lowest[node], lowest[next]);
                    if (lowest[next] > entered[node]) {
                        bridges.add(key(r, c));
                    }
                }
            }
        }
    }
}
