package org.openmilkbank.inventory;

import java.math.BigDecimal;
import org.openmilkbank.lab.CaloricClass;
import org.openmilkbank.standards.StandardProfile;

/**
 * A bottle's milk by its energy (kcal/dL), classed by the profile's hypocaloric and hypercaloric bounds
 * ({@code raw-qc.caloric.*}, kcal/L); milk the lab has no energy for is not analysed, never guessed.
 */
public enum EnergyClass {
    HYPOCALORIC,
    NORMOCALORIC,
    HYPERCALORIC,
    NOT_ANALYSED;

    static EnergyClass of(BigDecimal kcalPerDl, StandardProfile profile) {
        if (kcalPerDl == null) {
            return NOT_ANALYSED;
        }
        return CaloricClass.of(kcalPerDl.multiply(BigDecimal.TEN), profile)
                .map(c -> EnergyClass.valueOf(c.name()))
                .orElse(NOT_ANALYSED);
    }
}
