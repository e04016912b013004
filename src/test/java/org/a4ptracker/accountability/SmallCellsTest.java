package org.a4ptracker.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression on crafted tables and on thousands of random ones, each checked by an
 * {@link Attacker} written independently of {@link SmallCells}: no suppressed count is determined
 * by the published counts and totals, and none is narrowed to one value by the published ranges
 * where the table leaves any way to prevent it.
 */
class SmallCellsTest {

    private static final int K = 3;

    /** The table as published: numbers, "<k" or "suppressed". */
    static String[][] published(SmallCells.Table table, int k) {
        String[][] shown = new String[table.values().length][table.values()[0].length];
        for (int r = 0; r < shown.length; r++) {
            for (int c = 0; c < shown[r].length; c++) {
                shown[r][c] =
                        switch (table.shown(r, c)) {
                            case COUNT -> String.valueOf(table.value(r, c));
                            case SMALL -> "<" + k;
                            case WITHHELD -> "suppressed";
                        };
            }
        }
        return shown;
    }

    private static Attacker attack(SmallCells.Table table, boolean rowTotals, int k) {
        return new Attacker(table.values(), published(table, k), rowTotals, k);
    }

    private static String cells(List<int[]> at) {
        return at.stream().map(Arrays::toString).toList().toString();
    }

    @Test
    void aSmallCountAloneInItsColumnTakesTheNextSmallestWithIt() {
        SmallCells.Table table =
                SmallCells.suppress(new long[][] {{5}, {1}, {7}, {0}, {9}}, 1, false, K);
        assertEquals(
                List.of("suppressed", "<3", "7", "0", "9", "22"),
                Arrays.stream(published(table, K)).map(row -> row[0]).toList());
        Attacker reader = attack(table, false, K);
        assertEquals(List.of(), reader.determined());
        assertEquals(List.of(), reader.narrowed());
    }

    @Test
    void theNextSmallestIsPassedOverWhenItWouldPinTheSmallCount() {
        // 1 and 3 together make 4: 3 is the least a withheld count can be, so 1 would be known.
        SmallCells.Table table =
                SmallCells.suppress(new long[][] {{3}, {1}, {8}, {20}}, 1, false, K);
        assertEquals(
                List.of("3", "<3", "suppressed", "20", "32"),
                Arrays.stream(published(table, K)).map(row -> row[0]).toList());
        assertEquals(List.of(), attack(table, false, K).narrowed());
    }

    @Test
    void totalsAreComputedFromTheTrueCountsAndSuppressedByTheSameRule() {
        SmallCells.Table table = SmallCells.suppress(new long[][] {{1}, {1}, {0}}, 1, false, K);
        assertEquals(
                List.of("<3", "<3", "0", "<3"),
                Arrays.stream(published(table, K)).map(row -> row[0]).toList());
        assertEquals(List.of(), attack(table, false, K).determined());
    }

    @Test
    void nothingIsWithheldWithoutSmallCountsAndZerosStayZero() {
        SmallCells.Table table =
                SmallCells.suppress(new long[][] {{0, 3, 4}, {5, 0, 0}}, 3, true, K);
        assertEquals(
                List.of(
                        List.of("0", "3", "4", "7"),
                        List.of("5", "0", "0", "5"),
                        List.of("5", "3", "4", "12")),
                Arrays.stream(published(table, K)).map(List::of).toList());
    }

    /**
     * Victims of three groups (women, girls, men, boys, age unknown, total). The small counts are 1
     * woman in the first group and 2 men in the third: the cheapest rectangle through them (the
     * first group's men and the third group's women) would let a reader see that the two must be 1
     * and 2, so the service withholds a rectangle through the row totals instead.
     */
    @Test
    void victimsAreProtectedAlongTheirRowsAndColumns() {
        long[][] victims = {{1, 0, 4, 0, 0}, {3, 0, 5, 0, 0}, {6, 0, 2, 0, 0}};
        SmallCells.Table table = SmallCells.suppress(victims, 5, true, K);
        String[][] shown = published(table, K);
        assertEquals("<3", shown[0][0]);
        assertEquals("<3", shown[2][2]);
        assertEquals("21", shown[3][5], "the grand total is published");
        Attacker reader = attack(table, true, K);
        assertEquals(List.of(), reader.determined(), Arrays.deepToString(shown));
        assertEquals(List.of(), reader.narrowed(), Arrays.deepToString(shown));
    }

    /** One woman and one girl and nothing else: the range "<3" alone tells a reader 1 + 1 = 2. */
    @Test
    void aRowOfOnlySmallCountsIsStillNotDeterminedByTheTotals() {
        long[][] victims = {{1, 1, 0, 0, 0}, {4, 3, 6, 0, 5}, {7, 0, 3, 4, 0}};
        SmallCells.Table table = SmallCells.suppress(victims, 5, true, K);
        Attacker reader = attack(table, true, K);
        assertEquals(List.of(), reader.determined());
        String[][] shown = published(table, K);
        assertEquals(List.of("<3", "<3", "0", "0", "0", "<3"), List.of(shown[0]));
    }

    /**
     * Random tables of 1 to 6 groups and 1 to 5 figures, with and without row totals, k from 3 to
     * 5, many small counts and zeros. The equations never determine a suppressed count. The ranges
     * narrow one only where nothing could have prevented it: where withholding every other non-zero
     * count would leave it narrowed all the same (a row whose only non-zero counts are small, say).
     */
    @Test
    void randomTablesLeaveNoSuppressedCountRecomputable() {
        Random random = new Random(14);
        int suppressed = 0;
        int narrowed = 0;
        List<String> offences = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int k = 3 + random.nextInt(3);
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(5);
            boolean rowTotals = random.nextBoolean();
            long[][] cells = new long[rows][columns];
            for (long[] row : cells) {
                for (int c = 0; c < columns; c++) {
                    double p = random.nextDouble();
                    row[c] =
                            p < 0.3
                                    ? 0
                                    : p < 0.65 ? 1 + random.nextInt(k - 1) : k + random.nextInt(8);
                }
            }
            SmallCells.Table table = SmallCells.suppress(cells, columns, rowTotals, k);
            String[][] shown = published(table, k);
            for (int r = 0; r < shown.length; r++) {
                for (int c = 0; c < shown[r].length; c++) {
                    long v = table.value(r, c);
                    boolean small = v >= 1 && v < k;
                    if (small != shown[r][c].equals("<" + k)
                            || shown[r][c].equals("suppressed") && v < k) {
                        offences.add("table " + i + ": " + v + " shown as " + shown[r][c]);
                    }
                }
            }
            Attacker reader = new Attacker(table.values(), shown, rowTotals, k);
            if (!reader.determined().isEmpty()) {
                offences.add(
                        "table "
                                + i
                                + " "
                                + Arrays.deepToString(shown)
                                + ": determined "
                                + cells(reader.determined()));
            }
            List<int[]> narrowedHere = reader.narrowed();
            if (!narrowedHere.isEmpty()) {
                List<String> unavoidable =
                        new Attacker(table.values(), everythingWithheld(table, k), rowTotals, k)
                                .narrowed().stream().map(Arrays::toString).toList();
                for (int[] at : narrowedHere) {
                    narrowed++;
                    if (!unavoidable.contains(Arrays.toString(at))) {
                        offences.add(
                                "table "
                                        + i
                                        + " "
                                        + Arrays.deepToString(shown)
                                        + " of "
                                        + Arrays.deepToString(table.values())
                                        + ": narrowed "
                                        + Arrays.toString(at));
                    }
                }
            }
            suppressed += reader.suppressed();
        }
        System.out.printf(
                "3000 random tables: %d suppressed counts, %d narrowed by the ranges, none avoidably%n",
                suppressed, narrowed);
        assertTrue(suppressed > 5000, "the random tables have small counts: " + suppressed);
        assertEquals(List.of(), offences.stream().limit(10).toList());
    }

    /** The table with every non-zero count that is not small withheld. */
    private static String[][] everythingWithheld(SmallCells.Table table, int k) {
        String[][] shown = published(table, k);
        for (int r = 0; r < shown.length; r++) {
            for (int c = 0; c < shown[r].length; c++) {
                if (table.value(r, c) >= k) {
                    shown[r][c] = "suppressed";
                }
            }
        }
        return shown;
    }
}
