package org.openmilkbank.lab.analyser;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** An instrument's linear correction of one nutrient against the reference method: corrected = slope · raw + intercept. */
public record Correction(BigDecimal slope, BigDecimal intercept) {

    public static final Correction NONE = new Correction(BigDecimal.ONE, BigDecimal.ZERO);

    public Correction {
        if (slope == null || slope.signum() <= 0) {
            throw new IllegalArgumentException("a correction's slope is positive");
        }
        if (intercept == null) {
            throw new IllegalArgumentException("a correction has an intercept");
        }
    }

    public BigDecimal apply(BigDecimal raw) {
        return slope.multiply(raw, MathContext.DECIMAL64).add(intercept, MathContext.DECIMAL64);
    }

    /** The raw reading that gives this corrected value. */
    public BigDecimal invert(BigDecimal corrected) {
        return corrected.subtract(intercept, MathContext.DECIMAL64).divide(slope, MathContext.DECIMAL64);
    }

    /** A value as it is stored: three decimals. */
    public static BigDecimal stored(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP);
    }
}
