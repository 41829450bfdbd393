package org.openmilkbank.reporting.indicators;

import java.math.BigDecimal;

/**
 * One number of an indicator for a period.
 *
 * @param code the indicator's code
 * @param breakdown one of its breakdowns, or {@code null} for the total
 * @param value the number shown (in the indicator's unit); {@code null} when a ratio's denominator is zero
 * @param numerator what was counted (equals {@code value} when the indicator is no ratio)
 * @param denominator what it was divided by, or {@code null} when the indicator is no ratio
 */
public record IndicatorValue(
        String code, String breakdown, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {}
