package org.openmilkbank.pasteurization.web;

import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.pasteurization.BottleLine;
import org.openmilkbank.shared.RuleViolation;

/**
 * A run form's bottles as typed: rows of a count and mL per bottle ({@code bottleCount} and {@code bottleVolumeMl}
 * repeated), a blank row ignored, a half-typed one refused beside its field. Shared by the typed run's form and the
 * form of a run whose log is to follow.
 */
public final class BottleRows {

    /** Rows the page shows: what was typed and blank rows to add sizes, at least three. */
    static final int SHOWN_ROWS = 3;

    public record Row(Integer count, Integer volumeMl) {}

    private BottleRows() {}

    public static List<Row> rows(List<Integer> counts, List<Integer> volumes) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < typed(counts, volumes); i++) {
            Row row = new Row(at(counts, i), at(volumes, i));
            if (row.count() != null || row.volumeMl() != null) {
                rows.add(row);
            }
        }
        do {
            rows.add(new Row(null, null));
        } while (rows.size() < SHOWN_ROWS);
        return rows;
    }

    public static List<BottleLine> lines(List<Integer> counts, List<Integer> volumes) {
        List<BottleLine> lines = new ArrayList<>();
        for (int i = 0; i < typed(counts, volumes); i++) {
            Integer count = at(counts, i);
            Integer volume = at(volumes, i);
            if (count == null && volume == null) {
                continue;
            }
            if (count == null || volume == null) {
                throw new RuleViolation("pasteurization.runs.lineIncomplete", lines.size() + 1)
                        .on(count == null ? "bottleCount" : "bottleVolumeMl");
            }
            lines.add(new BottleLine(volume, count));
        }
        return lines;
    }

    private static int typed(List<Integer> counts, List<Integer> volumes) {
        return Math.max(counts == null ? 0 : counts.size(), volumes == null ? 0 : volumes.size());
    }

    private static Integer at(List<Integer> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }
}
