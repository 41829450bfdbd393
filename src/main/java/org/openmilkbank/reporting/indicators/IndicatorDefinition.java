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
 * @param outOf the code of the indicator whose total this one counts a share of (failed cycles out of runs,
 *     discarded litres out of litres received), or {@code null}; with it this indicator is a rate
 * @param better which way is better when banks are compared
 */
public record IndicatorDefinition(
        String code, IndicatorUnit unit, boolean ratio, List<String> breakdowns, String outOf, Better better) {

    /** Which way of an indicator is better; {@code NEITHER} when more is not better or worse (pools, stock). */
    public enum Better {
        HIGHER,
        LOWER,
        NEITHER
    }

    public IndicatorDefinition {
        breakdowns = List.copyOf(breakdowns);
        better = better == null ? Better.NEITHER : better;
    }

    public IndicatorDefinition(String code, IndicatorUnit unit, boolean ratio, List<String> breakdowns) {
        this(code, unit, ratio, breakdowns, null, Better.NEITHER);
    }

    /**
     * Whether the indicator is a proportion of events among trials (a rate: positive cultures among cultured
     * pools, failed cycles among runs), which the network compares with a funnel plot.
     */
    public boolean rate() {
        return unit == IndicatorUnit.PERCENT || outOf != null;
    }
}
