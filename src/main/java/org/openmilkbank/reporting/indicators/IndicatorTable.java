package org.openmilkbank.reporting.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every indicator's values for one period, both dates included. */
public record IndicatorTable(LocalDate from, LocalDate to, List<IndicatorValue> values) {

    public IndicatorTable {
        values = List.copyOf(values);
    }

    public Optional<IndicatorValue> find(String code, String breakdown) {
        return values.stream()
                .filter(v -> v.code().equals(code) && Objects.equals(v.breakdown(), breakdown))
                .findFirst();
    }

    /** The total's value of an indicator, or {@code null} when it has none (no denominator, unknown code). */
    public BigDecimal total(String code) {
        return find(code, null).map(IndicatorValue::value).orElse(null);
    }
}
