package org.openmilkbank.lab.analyser;

import java.math.BigDecimal;

/** What a milk analyser reports for a sample, per decilitre of milk. */
public enum Nutrient {
    FAT("15"),
    CRUDE_PROTEIN("10"),
    TRUE_PROTEIN("10"),
    CARBOHYDRATE("15"),
    TOTAL_SOLIDS("30"),
    ENERGY("200");

    /** Above this no human milk can be: a value past it is a misread column or a broken instrument, not milk. */
    private final BigDecimal plausibleMax;

    Nutrient(String plausibleMax) {
        this.plausibleMax = new BigDecimal(plausibleMax);
    }

    public boolean isEnergy() {
        return this == ENERGY;
    }

    /** Whether a corrected value (g/dL or kcal/dL) can be human milk. */
    public boolean plausible(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(plausibleMax) <= 0;
    }

    public BigDecimal plausibleMax() {
        return plausibleMax;
    }
}
