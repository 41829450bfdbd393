package org.openmilkbank.reporting.indicators;

import java.util.List;

/**
 * One indicator of the data dictionary. Its words are in the reporting bundle, never here:
 * {@code report.indicator.<code>.name}, {@code .definition}, {@code .numerator} and, when it is a ratio,
 * {@code .denominator}; each breakdown reads {@code report.breakdown.<breakdown>}.
 *
 * @param code a stable code (upper snake case) that exports, DHIS2 mappings and targets refer to
 * @param unit how its value is counted
 * @param ratio whether the value is numerator over denominator (a rate, a mean, a per-donor volume)
 * @param breakdowns the codes of its disaggregations (e.g. {@code NICU}, {@code OUTPATIENT}), empty for none;
 *     a value with breakdown {@code null} is the total
 */
public record IndicatorDefinition(String code, IndicatorUnit unit, boolean ratio, List<String> breakdowns) {

    public IndicatorDefinition {
        breakdowns = List.copyOf(breakdowns);
    }
}
