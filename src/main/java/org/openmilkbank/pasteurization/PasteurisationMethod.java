package org.openmilkbank.pasteurization;

/** How a run heats its milk: Holder (62.5 °C for 30 min) or HTST (72 °C for seconds), each with its own rules. */
public enum PasteurisationMethod {
    HOLDER,
    HTST
}
