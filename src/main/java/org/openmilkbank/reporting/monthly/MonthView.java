package org.openmilkbank.reporting.monthly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.openmilkbank.reporting.indicators.IndicatorUnit;

/**
 * A month at a glance: every indicator of the dictionary, in its order, this month (so far, when it is the current
 * month) against last month and against the bank's target; and the last twelve months of each, for the trends.
 *
 * @param to the last day counted: today when the month is the current one
 * @param soFar whether the month is not over yet
 * @param trendMonths the twelve months of the trends, oldest first, ending with this month
 */
public record MonthView(
        YearMonth month,
        LocalDate from,
        LocalDate to,
        boolean soFar,
        YearMonth lastMonth,
        LocalDate lastFrom,
        LocalDate lastTo,
        ProfileInForce profile,
        List<Row> rows,
        List<YearMonth> trendMonths) {

    public MonthView {
        rows = List.copyOf(rows);
        trendMonths = List.copyOf(trendMonths);
    }

    /** The rows of each indicator (its total first, then its breakdowns), in the dictionary's order. */
    public List<List<Row>> byIndicator() {
        java.util.Map<String, List<Row>> groups = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.code(), c -> new java.util.ArrayList<>()).add(r);
        }
        return List.copyOf(groups.values());
    }

    /**
     * One number: an indicator's total ({@code breakdown} null) or one of its breakdowns.
     *
     * @param change this month less last month, {@code null} when either has no value
     * @param target the target in force, or {@code null}
     * @param met whether this month meets the target; {@code null} without a target or a value
     * @param trend the value of each of {@link #trendMonths()}, this month last
     */
    public record Row(
            String code,
            String breakdown,
            IndicatorUnit unit,
            boolean ratio,
            BigDecimal thisMonth,
            BigDecimal numerator,
            BigDecimal denominator,
            BigDecimal lastMonth,
            BigDecimal change,
            TargetView target,
            Boolean met,
            List<BigDecimal> trend) {

        public Row {
            trend = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(trend));
        }

        public boolean total() {
            return breakdown == null;
        }
    }
}
