package org.openmilkbank.reporting.indicators;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a test's own small bank added between two tables of the same period: the database is shared by other tests,
 * so an indicator's known answer is the difference it made. A ratio with no denominator counts as zero.
 */
record IndicatorDelta(IndicatorTable before, IndicatorTable after) {

    BigDecimal value(String code, String breakdown) {
        return of(after, code, breakdown, IndicatorValue::value)
                .subtract(of(before, code, breakdown, IndicatorValue::value));
    }

    BigDecimal numerator(String code, String breakdown) {
        return of(after, code, breakdown, IndicatorValue::numerator)
                .subtract(of(before, code, breakdown, IndicatorValue::numerator));
    }

    BigDecimal denominator(String code, String breakdown) {
        return of(after, code, breakdown, IndicatorValue::denominator)
                .subtract(of(before, code, breakdown, IndicatorValue::denominator));
    }

    private static BigDecimal of(
            IndicatorTable t, String code, String breakdown, Function<IndicatorValue, BigDecimal> part) {
        BigDecimal v =
                part.apply(t.find(code, breakdown).orElseThrow(() -> new AssertionError(code + " " + breakdown)));
        return Objects.requireNonNullElse(v, BigDecimal.ZERO);
    }
}
