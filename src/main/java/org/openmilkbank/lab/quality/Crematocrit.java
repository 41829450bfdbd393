package org.openmilkbank.lab.quality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.CrematocritFormula;

/**
 * A crematocrit: the cream column and the whole column of a spun capillary, in mm. Cream % is their ratio; fat
 * and energy follow from it by the profile's formula (Lucas: fat and energy; Wang: energy only, so fat is left
 * unknown rather than guessed).
 */
public record Crematocrit(BigDecimal creamMm, BigDecimal totalMm) {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    public Crematocrit {
        if (creamMm == null) {
            throw new RuleViolation("lab.quality.crematocrit.missing").on("creamMm");
        }
        if (totalMm == null) {
            throw new RuleViolation("lab.quality.crematocrit.missing").on("totalMm");
        }
        if (totalMm.signum() <= 0) {
            throw new RuleViolation("lab.quality.crematocrit.totalPositive").on("totalMm");
        }
        if (creamMm.signum() < 0 || creamMm.compareTo(totalMm) > 0) {
            throw new RuleViolation("lab.quality.crematocrit.creamWithinTotal", creamMm, totalMm).on("creamMm");
        }
    }

    /** cream % = cream column / total column × 100. */
    public BigDecimal creamPercent() {
        return creamMm.multiply(BigDecimal.valueOf(100)).divide(totalMm, PRECISION);
    }

    /** Fat in g/dL (Lucas: (cream% − 0.59) / 1.46, never below 0); {@code null} for a formula that gives none. */
    public BigDecimal fatGPerDl(CrematocritFormula formula) {
        BigDecimal fat = exactFatGPerDl(formula);
        return fat == null ? null : fat.setScale(2, RoundingMode.HALF_UP);
    }

    /** Fat in g/dL unrounded (what a pool's mean weighs), {@code null} for a formula that gives none. */
    public BigDecimal exactFatGPerDl(CrematocritFormula formula) {
        if (formula != CrematocritFormula.LUCAS) {
            return null;
        }
        BigDecimal fat = creamPercent().subtract(new BigDecimal("0.59")).divide(new BigDecimal("1.46"), PRECISION);
        return fat.signum() < 0 ? BigDecimal.ZERO : fat;
    }

    /** Energy in kcal/L by the formula, to one decimal. */
    public BigDecimal kcalPerL(CrematocritFormula formula) {
        return exactKcalPerL(formula).setScale(1, RoundingMode.HALF_UP);
    }

    /** Energy in kcal/L by the formula, unrounded: what a class boundary is judged on. */
    public BigDecimal exactKcalPerL(CrematocritFormula formula) {
        BigDecimal ct = creamPercent();
        return switch (formula) {
            case LUCAS -> new BigDecimal("66.8").multiply(ct).add(new BigDecimal("290"));
            case WANG_FRESH ->
                new BigDecimal("5.99").multiply(ct).add(new BigDecimal("32.5")).multiply(BigDecimal.TEN);
            case WANG_FROZEN ->
                new BigDecimal("6.20").multiply(ct).add(new BigDecimal("35.1")).multiply(BigDecimal.TEN);
        };
    }

    /** Energy in kcal/dL, to one decimal. */
    public BigDecimal kcalPerDl(CrematocritFormula formula) {
        return kcalPerL(formula).divide(BigDecimal.TEN, 1, RoundingMode.HALF_UP);
    }
}
