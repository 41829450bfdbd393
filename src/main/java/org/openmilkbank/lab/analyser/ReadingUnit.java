package org.openmilkbank.lab.analyser;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The unit an instrument writes a nutrient in; every reading is kept in g/dL or kcal/dL. */
public enum ReadingUnit {
    G_PER_DL(false, BigDecimal.ONE),
    G_PER_100ML(false, BigDecimal.ONE),
    KCAL_PER_DL(true, BigDecimal.ONE),
    KJ_PER_DL(true, BigDecimal.ONE.divide(new BigDecimal("4.184"), MathContext.DECIMAL64)),
    KCAL_PER_L(true, new BigDecimal("0.1"));

    private final boolean energy;
    private final BigDecimal toStandard;

    ReadingUnit(boolean energy, BigDecimal toStandard) {
        this.energy = energy;
        this.toStandard = toStandard;
    }

    /** Whether the unit can carry the nutrient: energy in kcal or kJ, the rest in grams. */
    public boolean fits(Nutrient nutrient) {
        return energy == nutrient.isEnergy();
    }

    /** The value in g/dL (grams) or kcal/dL (energy). */
    public BigDecimal toStandard(BigDecimal value) {
        return value.multiply(toStandard, MathContext.DECIMAL64);
    }

    /** The standard value back in this unit (for round trips and the instrument page). */
    public BigDecimal fromStandard(BigDecimal value) {
        return value.divide(toStandard, MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_UP);
    }
}
