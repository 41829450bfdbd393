package org.openmilkbank.standards;

/**
 * How a crematocrit (cream %) becomes fat and energy: Lucas 1978 ({@code fat g/dL = (cream% − 0.59) / 1.46},
 * {@code kcal/L = 66.8 · cream% + 290}), or Wang 1999 for fresh ({@code kcal/dL = 5.99 · CT + 32.5}) or frozen
 * milk ({@code kcal/dL = 6.20 · CT + 35.1}).
 */
public enum CrematocritFormula {
    LUCAS,
    WANG_FRESH,
    WANG_FROZEN
}
