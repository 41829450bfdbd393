package org.openmilkbank.pasteurization.curve;

/** What one rule of the verdict found. */
public enum RuleOutcome {
    PASSED,
    FAILED,
    /** The rule had nothing to judge by (e.g. no instrument or heat-penetration study linked to the run yet). */
    NOT_CHECKED
}
