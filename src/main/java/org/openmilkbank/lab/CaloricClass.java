package org.openmilkbank.lab;

import java.math.BigDecimal;
import java.util.Optional;
import org.openmilkbank.standards.StandardProfile;

/**
 * Brazil's classes of raw milk by its energy: hypocaloric under the profile's lower bound (580 kcal/L),
 * hypercaloric over its upper bound (711 kcal/L), normocaloric between, both bounds included.
 */
public enum CaloricClass {
    HYPOCALORIC,
    NORMOCALORIC,
    HYPERCALORIC;

    /** The class of milk of that energy, or empty when the profile does not class milk. */
    public static Optional<CaloricClass> of(BigDecimal kcalPerL, StandardProfile profile) {
        Optional<Long> below = profile.rawQcHypocaloricBelow();
        Optional<Long> above = profile.rawQcHypercaloricAbove();
        if (kcalPerL == null || below.isEmpty() || above.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(kcalPerL, below.get(), above.get()));
    }

    public static CaloricClass of(BigDecimal kcalPerL, long hypocaloricBelow, long hypercaloricAbove) {
        if (kcalPerL.compareTo(BigDecimal.valueOf(hypocaloricBelow)) < 0) {
            return HYPOCALORIC;
        }
        if (kcalPerL.compareTo(BigDecimal.valueOf(hypercaloricAbove)) > 0) {
            return HYPERCALORIC;
        }
        return NORMOCALORIC;
    }
}
