package org.openmilkbank.reporting.indicators;

/** How an indicator's value is counted and shown; each has its words under {@code enum.IndicatorUnit.<VALUE>}. */
public enum IndicatorUnit {
    LITRES,
    COUNT,
    PERCENT,
    MILLILITRES,
    KCAL_PER_LITRE,
    GRAMS_PER_DECILITRE,
    DAYS
}
