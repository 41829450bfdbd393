package org.openmilkbank.lab.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.openmilkbank.shared.RuleViolation;

/**
 * Dornic acidity from three titrations of 1 mL aliquots with N/9 NaOH: 1 °D is 0.01 mL of titrant, so each
 * titration in mL times 100 is its acidity in °D. The milk passes when the mean of the three is under the limit.
 */
public record Dornic(BigDecimal ml1, BigDecimal ml2, BigDecimal ml3) {

    private static final BigDecimal ML_PER_DEGREE = new BigDecimal("0.01");

    /** Refuses a titration that is missing or not strictly between 0 and 1 mL, naming its field. */
    public Dornic {
        check(ml1, "ml1");
        check(ml2, "ml2");
        check(ml3, "ml3");
    }

    private static void check(BigDecimal ml, String field) {
        if (ml == null) {
            throw new RuleViolation("lab.quality.dornic.missing").on(field);
        }
        if (ml.signum() <= 0 || ml.compareTo(BigDecimal.ONE) >= 0) {
            throw new RuleViolation("lab.quality.dornic.outOfRange", ml).on(field);
        }
    }

    public static BigDecimal degrees(BigDecimal ml) {
        return ml.divide(ML_PER_DEGREE).stripTrailingZeros();
    }

    public List<BigDecimal> degrees() {
        return List.of(degrees(ml1), degrees(ml2), degrees(ml3));
    }

    /** The mean acidity in °D, to two decimals (for display; the verdict compares exactly). */
    public BigDecimal meanDegrees() {
        return sumOfDegrees().divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
    }

    private BigDecimal sumOfDegrees() {
        return degrees(ml1).add(degrees(ml2)).add(degrees(ml3));
    }

    /** Whether the exact mean is under the limit (mean &lt; limit ⇔ sum &lt; 3 × limit); empty without a limit. */
    public Optional<Boolean> passes(Optional<BigDecimal> limit) {
        return limit.map(l -> sumOfDegrees().compareTo(l.multiply(BigDecimal.valueOf(3))) < 0);
    }
}
