package org.openmilkbank.lab.analyser;

import java.math.BigDecimal;

/** One nutrient of one row: as the instrument wrote it, and in g/dL or kcal/dL after its correction. */
public record Reading(Nutrient nutrient, BigDecimal raw, ReadingUnit rawUnit, Correction correction, BigDecimal value) {

    /** Converts the raw reading to g/dL or kcal/dL, then applies the instrument's correction. */
    static Reading of(Nutrient nutrient, BigDecimal raw, ReadingUnit unit, Correction correction) {
        return new Reading(nutrient, raw, unit, correction, Correction.stored(correction.apply(unit.toStandard(raw))));
    }
}
