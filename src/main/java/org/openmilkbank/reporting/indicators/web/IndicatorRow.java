package org.openmilkbank.reporting.indicators.web;

import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorTable;
import org.openmilkbank.reporting.indicators.IndicatorValue;

/**
 * One line of the indicator table: an indicator's total, or one of its breakdowns beneath it.
 *
 * @param breakdown the breakdown's code, {@code null} for the total
 * @param value its number, {@code null} when the table has none for it
 */
public record IndicatorRow(IndicatorDefinition definition, String breakdown, IndicatorValue value) {

    public boolean total() {
        return breakdown == null;
    }

    /** Every indicator of the dictionary in its order, each total followed by its breakdowns. */
    static List<IndicatorRow> of(List<IndicatorDefinition> dictionary, IndicatorTable table) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (IndicatorDefinition d : dictionary) {
            rows.add(new IndicatorRow(d, null, table.find(d.code(), null).orElse(null)));
            for (String b : d.breakdowns()) {
                rows.add(new IndicatorRow(d, b, table.find(d.code(), b).orElse(null)));
            }
        }
        return rows;
    }
}
